-- The feed: one entry per event of any service, numbered in the order the entries commit. Writers take
-- the advisory lock feed_order before drawing a number (FeedEntries.append), so a reader that has seen
-- number n has seen every entry below it: what lets a stream resume after n without a gap.
CREATE SEQUENCE feed_seq;

CREATE TABLE feed_entry (
    seq              BIGINT       PRIMARY KEY,
    event_id         TEXT         NOT NULL UNIQUE,   -- the CloudEvents id: an event is in the feed once
    initiative_id    UUID         NOT NULL,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    actor            TEXT         NOT NULL,          -- the event's actor extension, 'system' when it had none
    verb             TEXT         NOT NULL,          -- e.g. activity.activity.registered
    object_service   TEXT         NOT NULL,
    object_type      TEXT         NOT NULL,
    object_id        TEXT         NOT NULL,
    title            TEXT,                           -- the object's title as the event named it, or the last one known
    params           TEXT[]       NOT NULL,          -- the summary's words after the title
    organisation_ids UUID[]       NOT NULL           -- empty: every reader of the initiative; else staff and these
);
CREATE INDEX feed_by_initiative ON feed_entry (initiative_id, seq);
CREATE INDEX feed_by_object ON feed_entry (initiative_id, object_service, object_type, object_id, seq);

-- The last title each object had, for entries whose events do not name it (a status change, a deletion).
CREATE TABLE feed_object (
    object_service  TEXT  NOT NULL,
    object_type     TEXT  NOT NULL,
    object_id       TEXT  NOT NULL,
    title           TEXT  NOT NULL,
    PRIMARY KEY (object_service, object_type, object_id)
);
