-- Reach reports, commitments, and measurement-service's indicators as this service needs them.

-- What an activity reached in one calendar quarter; DUE quarters are derived, not stored.
CREATE TABLE reach_report (
    id              UUID        PRIMARY KEY,
    initiative_id   UUID        NOT NULL,
    activity_id     UUID        NOT NULL REFERENCES activity (id),  -- an activity with reports cannot be deleted
    period          TEXT        NOT NULL,   -- a quarter, e.g. 2026Q1
    status          TEXT        NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'SENT_BACK')),
    lines           JSONB       NOT NULL,   -- {"lines": [{targetGroup, location, reached}]}
    total_reached   BIGINT      NOT NULL,
    narrative       TEXT,
    submitted_by    TEXT        NOT NULL,
    submitted_at    TIMESTAMPTZ NOT NULL,
    reviewed_by     TEXT,
    reviewed_at     TIMESTAMPTZ,
    review_comment  TEXT,
    version         BIGINT      NOT NULL,
    UNIQUE (activity_id, period)
);
CREATE INDEX reach_report_by_initiative ON reach_report (initiative_id, activity_id);

-- measurement-service's indicators (from backbone.measurement.v1): what commitments are made to and
-- what a trace shows. source_version guards against older events arriving late.
CREATE TABLE indicator (
    id              UUID        PRIMARY KEY,
    initiative_id   UUID        NOT NULL,
    code            TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    unit            TEXT,
    aggregation     TEXT        NOT NULL,
    goal_ids        UUID[]      NOT NULL,
    retired         BOOLEAN     NOT NULL DEFAULT false,
    targets         JSONB       NOT NULL,   -- {"baselinePeriod", "baselineValue", "targets": [{period, value}]}
    source_version  BIGINT      NOT NULL,
    latest_period   TEXT,                   -- the latest status measurement reported, and for which period
    latest_status   TEXT,
    status_at       TIMESTAMPTZ
);
CREATE INDEX indicator_by_initiative ON indicator (initiative_id);

-- A partner's contribution to an indicator's target for a period; withdrawn ones stay, marked.
CREATE TABLE commitment (
    id               UUID        PRIMARY KEY,
    initiative_id    UUID        NOT NULL,
    organisation_id  UUID        NOT NULL,
    indicator_id     UUID        NOT NULL,
    period           TEXT        NOT NULL,
    location         TEXT,
    amount           NUMERIC     NOT NULL CHECK (amount >= 0),
    note             TEXT,
    withdrawn        BOOLEAN     NOT NULL DEFAULT false,
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL
);
CREATE INDEX commitment_by_indicator ON commitment (initiative_id, indicator_id, period) WHERE NOT withdrawn;

-- Ledger findings name the indicator they are about.
ALTER TABLE finding ADD COLUMN indicator_id UUID;
