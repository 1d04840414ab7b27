-- One current value per (indicator, partner, period, dimension values); every change keeps the
-- previous version in indicator_value_revision (written by a trigger, so no path can forget it).
CREATE TABLE indicator_value (
    id               UUID        PRIMARY KEY,
    indicator_id     UUID        NOT NULL REFERENCES indicator (id),
    initiative_id    UUID        NOT NULL,
    organisation_id  UUID        NOT NULL,
    period           TEXT        NOT NULL,
    period_start     DATE        NOT NULL,
    dimension_key    TEXT        NOT NULL,   -- canonical "gender=f;region=north", '' for the total
    dimensions       JSONB       NOT NULL,
    value            NUMERIC,
    numerator        NUMERIC,
    denominator      NUMERIC,
    comment          TEXT,
    status           TEXT        NOT NULL,   -- SUBMITTED (awaiting approval), APPROVED, REJECTED
    status_reason    TEXT,
    channel          TEXT        NOT NULL,
    batch_id         UUID        NOT NULL,
    submitted_by     TEXT        NOT NULL,
    submitted_at     TIMESTAMPTZ NOT NULL,
    revision         INT         NOT NULL,
    UNIQUE (indicator_id, organisation_id, period, dimension_key)
);
CREATE INDEX indicator_value_progress ON indicator_value (indicator_id, period_start) WHERE status = 'APPROVED';

CREATE TABLE indicator_value_revision (
    value_id      UUID        NOT NULL,
    revision      INT         NOT NULL,
    value         NUMERIC,
    numerator     NUMERIC,
    denominator   NUMERIC,
    comment       TEXT,
    status        TEXT        NOT NULL,
    submitted_by  TEXT        NOT NULL,
    submitted_at  TIMESTAMPTZ NOT NULL,
    replaced_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (value_id, revision)
);

CREATE FUNCTION keep_value_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO indicator_value_revision (value_id, revision, value, numerator, denominator, comment, status,
                                          submitted_by, submitted_at)
    VALUES (OLD.id, OLD.revision, OLD.value, OLD.numerator, OLD.denominator, OLD.comment, OLD.status,
            OLD.submitted_by, OLD.submitted_at);
    RETURN NEW;
END $$;
CREATE TRIGGER indicator_value_revised BEFORE UPDATE ON indicator_value
    FOR EACH ROW EXECUTE FUNCTION keep_value_revision();

-- Locked periods refuse submissions; indicator_id NULL locks the period initiative-wide.
CREATE TABLE period_lock (
    initiative_id  UUID        NOT NULL,
    period         TEXT        NOT NULL,
    indicator_id   UUID,
    locked_by      TEXT        NOT NULL,
    locked_at      TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX period_lock_unique ON period_lock (initiative_id, period, coalesce(indicator_id, '00000000-0000-0000-0000-000000000000'));
