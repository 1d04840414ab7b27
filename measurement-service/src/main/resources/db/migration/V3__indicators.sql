-- The shared indicator catalogue of each initiative: identical definitions for every partner.
CREATE TABLE indicator (
    id                 UUID        PRIMARY KEY,
    initiative_id      UUID        NOT NULL,
    code               TEXT        NOT NULL,
    name               TEXT        NOT NULL,
    definition         TEXT,
    unit               TEXT,
    value_type         TEXT        NOT NULL,
    direction          TEXT        NOT NULL,
    aggregation        TEXT        NOT NULL,
    periodicity        TEXT        NOT NULL,
    school_year_start  INT,                     -- first month (1–12) of a SCHOOL_YEAR period
    dimensions         JSONB       NOT NULL,    -- dimension code -> allowed values
    goal_ids           UUID[]      NOT NULL,    -- active goals of the initiative it measures
    baseline_period    TEXT,
    baseline_value     NUMERIC,
    targets            JSONB       NOT NULL,    -- period code -> target value
    min_value          NUMERIC,
    max_value          NUMERIC,
    reporters          UUID[]      NOT NULL,    -- organisation ids; empty = every partner reports
    visibility         TEXT        NOT NULL,
    approval_required  BOOLEAN     NOT NULL,
    status             TEXT        NOT NULL,    -- ACTIVE or RETIRED (indicators are never deleted)
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL,
    UNIQUE (initiative_id, code)
);
