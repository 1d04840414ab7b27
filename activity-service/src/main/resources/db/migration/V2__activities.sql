-- Vocabularies, coverage settings, activities and findings of each initiative.

-- One row per code of a vocabulary: LOCATION and TARGET_GROUP are trees (parent_code), ACTIVITY_TYPE a list.
CREATE TABLE vocabulary_entry (
    initiative_id  UUID    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('LOCATION', 'TARGET_GROUP', 'ACTIVITY_TYPE')),
    code           TEXT    NOT NULL,
    parent_code    TEXT,
    label          TEXT    NOT NULL,
    position       INT     NOT NULL,      -- the order staff gave
    PRIMARY KEY (initiative_id, kind, code)
);

-- The version of each vocabulary as a whole: its ETag, since PUT replaces it whole.
CREATE TABLE vocabulary (
    initiative_id  UUID        NOT NULL,
    kind           TEXT        NOT NULL,
    version        BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (initiative_id, kind)
);

CREATE TABLE coverage_settings (
    initiative_id   UUID        PRIMARY KEY,
    coverage_level  INT         NOT NULL,   -- 1 = the roots of the location tree
    period          TEXT        NOT NULL,   -- DHIS2 period code, e.g. 2025Sep (a school year) or 2026Q1
    boundaries      TEXT[]      NOT NULL,   -- location codes the plan covers; {} = all
    version         BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE activity (
    id               UUID        PRIMARY KEY,
    initiative_id    UUID        NOT NULL,
    title            TEXT        NOT NULL,
    description      TEXT,
    activity_type    TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    status_reason    TEXT,
    lead_organisation UUID       NOT NULL,  -- the first implementing partner: "who" in coverage and overlaps
    -- arrays for filtering (Hibernate Reactive maps JSON columns to objects only); details holds the rest
    organisation_ids UUID[]      NOT NULL,  -- every participating organisation
    goal_ids         UUID[]      NOT NULL,
    location_codes   TEXT[]      NOT NULL,
    target_groups    TEXT[]      NOT NULL,
    details          JSONB       NOT NULL,  -- participants with roles, places, planned reach, budget
    planned_start    DATE        NOT NULL,
    planned_end      DATE        NOT NULL,
    actual_start     DATE,
    actual_end       DATE,
    iati_identifier  TEXT,
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL
);
CREATE INDEX activity_by_initiative ON activity (initiative_id, title, id);
CREATE INDEX activity_goals ON activity USING gin (goal_ids);

-- What the assessment found, and what people did about it. finding_key names a finding across
-- recomputations (kind, cell and, for overlaps, the pair of activities); fingerprint is the key fields
-- of the activities involved when it was dismissed.
CREATE TABLE finding (
    id                UUID        PRIMARY KEY,
    initiative_id     UUID        NOT NULL,
    finding_key       TEXT        NOT NULL,
    kind              TEXT        NOT NULL,
    state             TEXT        NOT NULL CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'DISMISSED')),
    goal_id           UUID,
    location          TEXT,
    target_group      TEXT,
    period            TEXT,
    activity_ids      UUID[]      NOT NULL,
    organisation_ids  UUID[]      NOT NULL,
    score             INT,
    fingerprint       TEXT        NOT NULL,  -- key fields of the activities involved, as last computed
    dismissed_fingerprint TEXT,
    dismissed_reason  TEXT,
    dismissed_by      TEXT,
    opened_at         TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL,
    UNIQUE (initiative_id, finding_key)
);
CREATE INDEX finding_by_area ON finding (initiative_id, goal_id, location);
CREATE INDEX finding_by_state ON finding (initiative_id, state, kind);
