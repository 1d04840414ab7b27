-- Meetings of the partners: when and where, who is invited, the agenda, who registered and who came.
-- Every reader of the initiative sees that a meeting exists; its place and link only those invited.
CREATE TABLE meeting (
    id                      UUID         PRIMARY KEY,
    initiative_id           UUID         NOT NULL,
    title                   TEXT         NOT NULL,
    description             TEXT         NOT NULL,
    kind                    TEXT         NOT NULL,     -- IN_PERSON, ONLINE, HYBRID
    starts_at               TIMESTAMPTZ  NOT NULL,
    ends_at                 TIMESTAMPTZ  NOT NULL,
    time_zone               TEXT         NOT NULL,     -- IANA, what the invitation shows
    place                   TEXT,
    link                    TEXT,
    organiser               TEXT         NOT NULL,
    open_to_all             BOOLEAN      NOT NULL,     -- every current partner is invited
    invited_organisations   UUID[]       NOT NULL,
    invited_roles           TEXT[]       NOT NULL,
    invited_sectors         TEXT[]       NOT NULL,
    status                  TEXT         NOT NULL,     -- SCHEDULED, HELD, CLOSED, CANCELLED
    cancel_reason           TEXT,
    sequence                INT          NOT NULL,     -- iCalendar SEQUENCE: one more for every change
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    version                 INT          NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX meeting_by_initiative ON meeting (initiative_id, starts_at, id);
CREATE INDEX meeting_by_start ON meeting (starts_at);

CREATE TABLE meeting_agenda_item (
    id              UUID   PRIMARY KEY,
    meeting_id      UUID   NOT NULL REFERENCES meeting ON DELETE CASCADE,
    position        INT    NOT NULL,
    title           TEXT   NOT NULL,
    minutes         INT    NOT NULL,
    notes           TEXT   NOT NULL,
    object_service  TEXT,
    object_type     TEXT,
    object_id       TEXT,
    UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE meeting_registration (
    meeting_id       UUID         NOT NULL REFERENCES meeting ON DELETE CASCADE,
    user_id          TEXT         NOT NULL,
    organisation_id  UUID,                      -- none: one of staff
    registered_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (meeting_id, user_id)
);

-- Which partner organisations came: whose members amend and approve the minutes.
CREATE TABLE meeting_attendance (
    meeting_id       UUID  NOT NULL REFERENCES meeting ON DELETE CASCADE,
    organisation_id  UUID  NOT NULL,
    PRIMARY KEY (meeting_id, organisation_id)
);

-- A private calendar feed per person: only the token's hash is kept, so a leaked table opens nothing.
CREATE TABLE calendar_token (
    token_hash       BYTEA        PRIMARY KEY,
    subject          TEXT         NOT NULL UNIQUE,
    organisation_id  UUID,
    staff            BOOLEAN      NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL
);

-- Minutes of a held meeting: DRAFT -> CIRCULATED -> APPROVED -> PUBLISHED (immutable, hashed); an
-- objection sends them back to DRAFT. Each circulation is a new revision.
CREATE TABLE minutes (
    meeting_id        UUID         PRIMARY KEY REFERENCES meeting,
    initiative_id     UUID         NOT NULL,
    status            TEXT         NOT NULL,
    body              TEXT         NOT NULL,     -- Markdown as written
    body_html         TEXT         NOT NULL,     -- rendered and sanitised once
    revision          INT          NOT NULL,
    approval_rule     TEXT,                      -- QUORUM or SILENT_PROCEDURE, from circulation on
    amendments_until  TIMESTAMPTZ,
    returned_reason   TEXT,                      -- why the last objection sent them back
    content_hash      TEXT,                      -- SHA-256 of what was published
    published_at      TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ  NOT NULL,
    version           INT          NOT NULL
);
CREATE INDEX minutes_window_closing ON minutes (amendments_until) WHERE status = 'CIRCULATED';

CREATE TABLE minutes_amendment (
    id               UUID         PRIMARY KEY,
    meeting_id       UUID         NOT NULL REFERENCES minutes,
    revision         INT          NOT NULL,
    author           TEXT         NOT NULL,
    organisation_id  UUID,
    text             TEXT         NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX minutes_amendment_by_meeting ON minutes_amendment (meeting_id, created_at);

-- One answer per attending organisation and revision: APPROVE or OBJECT (with the reason).
CREATE TABLE minutes_response (
    meeting_id       UUID         NOT NULL REFERENCES minutes,
    revision         INT          NOT NULL,
    organisation_id  UUID         NOT NULL,
    verdict          TEXT         NOT NULL,
    reason           TEXT,
    answered_by      TEXT         NOT NULL,
    answered_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (meeting_id, revision, organisation_id)
);

CREATE TABLE minutes_erratum (
    id          UUID         PRIMARY KEY,
    meeting_id  UUID         NOT NULL REFERENCES minutes,
    text        TEXT         NOT NULL,
    text_html   TEXT         NOT NULL,
    written_by  TEXT         NOT NULL,
    written_at  TIMESTAMPTZ  NOT NULL
);

-- The approval rule each initiative chose for its minutes (QUORUM when none).
CREATE TABLE minutes_setting (
    initiative_id  UUID  PRIMARY KEY,
    approval_rule  TEXT  NOT NULL
);
