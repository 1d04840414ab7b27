-- In-app notifications: one row per person and cause, numbered so a stream can resume after n.
CREATE SEQUENCE notification_seq;

CREATE TABLE notification (
    seq             BIGINT       PRIMARY KEY DEFAULT nextval('notification_seq'),
    recipient       TEXT         NOT NULL,      -- the person's token subject
    kind            TEXT         NOT NULL,      -- e.g. agenda.vote-opened; its template and preference
    event_id        TEXT         NOT NULL,      -- the event that caused it
    initiative_id   UUID,
    verb            TEXT         NOT NULL,      -- the feed's verb of that event
    object_service  TEXT         NOT NULL,
    object_type     TEXT         NOT NULL,
    object_id       TEXT         NOT NULL,
    title           TEXT,
    params          TEXT[]       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    read_at         TIMESTAMPTZ,
    UNIQUE (recipient, event_id, kind)
);
CREATE INDEX notification_inbox ON notification (recipient, seq);
CREATE INDEX notification_unread ON notification (recipient, seq) WHERE read_at IS NULL;

-- Watch levels (Discourse's): WATCHING — told of everything on it; NORMAL — told when concerned;
-- MUTED — never told of it. Objects: an initiative, a goal, an indicator or an activity.
CREATE TABLE watch (
    recipient        TEXT         NOT NULL,
    object_type      TEXT         NOT NULL,
    object_id        TEXT         NOT NULL,
    level            TEXT         NOT NULL,
    organisation_id  UUID,                      -- the watcher's organisation when set (null: staff or none)
    staff            BOOLEAN      NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (recipient, object_type, object_id)
);
CREATE INDEX watch_by_object ON watch (object_type, object_id) WHERE level <> 'NORMAL';

-- Per person and kind: in the app or not, and email at once, in a daily or weekly digest, or never.
CREATE TABLE notification_preference (
    recipient   TEXT  NOT NULL,
    kind        TEXT  NOT NULL,
    in_app      BOOLEAN NOT NULL,
    email       TEXT  NOT NULL,                 -- NONE, IMMEDIATE, DAILY, WEEKLY
    PRIMARY KEY (recipient, kind)
);
CREATE INDEX feed_by_object_id ON feed_entry (object_type, object_id);
