-- What measurement-service knows of the agenda, built from agenda events through the inbox.
-- Each row remembers the event that last set it, so a redelivered or late event cannot undo a newer one.

CREATE TABLE initiative (
    id          UUID        PRIMARY KEY,
    name        TEXT        NOT NULL,
    as_of       TIMESTAMPTZ NOT NULL
);

CREATE TABLE partner (
    initiative_id    UUID        NOT NULL,
    organisation_id  UUID        NOT NULL,
    name             TEXT,                   -- null while only a (late-arriving) leave is known
    sector           TEXT,
    role             TEXT,
    current          BOOLEAN     NOT NULL,
    as_of            TIMESTAMPTZ NOT NULL,   -- joinedAt or leftAt of the event applied last
    PRIMARY KEY (initiative_id, organisation_id)
);

CREATE TABLE goal (
    initiative_id  UUID    NOT NULL,
    id             UUID    NOT NULL,
    title          TEXT    NOT NULL,
    active         BOOLEAN NOT NULL,
    as_of_version  INT     NOT NULL,         -- the ratified agenda version that set it
    PRIMARY KEY (initiative_id, id)
);
