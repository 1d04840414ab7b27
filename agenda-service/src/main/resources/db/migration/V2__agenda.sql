-- Organisations take part in initiatives; partners agree on versions of an initiative's agenda.

CREATE TABLE organisation (
    id          UUID        PRIMARY KEY,
    name        TEXT        NOT NULL,
    sector      TEXT        NOT NULL,
    country     TEXT,
    website     TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL
);
CREATE INDEX organisation_name ON organisation (lower(name), id);

CREATE TABLE initiative (
    id                 UUID        PRIMARY KEY,
    name               TEXT        NOT NULL,
    problem_statement  TEXT,
    vision             TEXT,
    mission            TEXT,
    boundaries         JSONB       NOT NULL,
    ratification_kind  TEXT        NOT NULL,
    quorum             NUMERIC(6, 5),
    current_version    INT,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL
);
CREATE INDEX initiative_created ON initiative (created_at, id);

-- Membership keeps its history: leaving sets left_at; rejoining adds a row.
CREATE TABLE membership (
    id               UUID        PRIMARY KEY,
    initiative_id    UUID        NOT NULL REFERENCES initiative (id),
    organisation_id  UUID        NOT NULL REFERENCES organisation (id),
    role             TEXT        NOT NULL,
    joined_at        TIMESTAMPTZ NOT NULL,
    left_at          TIMESTAMPTZ
);
CREATE UNIQUE INDEX membership_current ON membership (initiative_id, organisation_id) WHERE left_at IS NULL;
CREATE INDEX membership_organisation ON membership (organisation_id) WHERE left_at IS NULL;

-- The one draft per initiative that backbone staff edit between proposals.
CREATE TABLE agenda_draft (
    initiative_id  UUID        PRIMARY KEY REFERENCES initiative (id),
    content        JSONB       NOT NULL,
    updated_by     TEXT        NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL
);

-- Frozen versions: PROPOSED (open for decisions), RATIFIED, SUPERSEDED or WITHDRAWN.
CREATE TABLE agenda_version (
    initiative_id  UUID        NOT NULL REFERENCES initiative (id),
    number         INT         NOT NULL,
    status         TEXT        NOT NULL,
    content        JSONB       NOT NULL,
    electorate     JSONB       NOT NULL,   -- organisation id -> role, fixed when proposed
    proposed_by    TEXT        NOT NULL,
    proposed_at    TIMESTAMPTZ NOT NULL,
    closed_at      TIMESTAMPTZ,
    version        BIGINT      NOT NULL,
    PRIMARY KEY (initiative_id, number)
);
-- at most one open proposal per initiative, whatever races the API
CREATE UNIQUE INDEX agenda_version_one_open ON agenda_version (initiative_id) WHERE status = 'PROPOSED';

CREATE TABLE agenda_decision (
    initiative_id    UUID        NOT NULL,
    number           INT         NOT NULL,
    organisation_id  UUID        NOT NULL,
    decision         TEXT        NOT NULL,
    comment          TEXT,
    decided_by       TEXT        NOT NULL,
    decided_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (initiative_id, number, organisation_id),
    FOREIGN KEY (initiative_id, number) REFERENCES agenda_version (initiative_id, number)
);

-- Goals of the ratified agenda: ACTIVE while the current version holds them, RETIRED once dropped.
CREATE TABLE goal (
    initiative_id  UUID        NOT NULL REFERENCES initiative (id),
    id             UUID        NOT NULL,
    parent_id      UUID,
    title          TEXT        NOT NULL,
    description    TEXT,
    horizon        TEXT        NOT NULL,
    equity_focus   TEXT,
    status         TEXT        NOT NULL,
    activated_in   INT         NOT NULL,
    retired_in     INT,
    PRIMARY KEY (initiative_id, id)
);
