-- Reminders of reports due and overdue, from measurement's events: the indicators (who reports them,
-- how often), which partner gave a value for which period, and which reminders went out.
CREATE TABLE report_indicator (
    indicator_id       UUID     PRIMARY KEY,
    initiative_id      UUID     NOT NULL,
    name               TEXT     NOT NULL,
    periodicity        TEXT     NOT NULL,
    school_year_start  INT,                        -- 1-12, a SCHOOL_YEAR's first month
    reporters          UUID[]   NOT NULL,          -- empty: every partner
    since              DATE     NOT NULL,          -- defined then: no earlier period is chased
    retired            BOOLEAN  NOT NULL DEFAULT false
);
CREATE INDEX report_indicator_active ON report_indicator (initiative_id) WHERE NOT retired;

CREATE TABLE report_received (
    indicator_id     UUID  NOT NULL,
    period           TEXT  NOT NULL,
    organisation_id  UUID  NOT NULL,
    PRIMARY KEY (indicator_id, period, organisation_id)
);

CREATE TABLE report_reminder (
    indicator_id     UUID         NOT NULL,
    period           TEXT         NOT NULL,
    organisation_id  UUID         NOT NULL,
    stage            TEXT         NOT NULL,      -- DUE, OVERDUE
    sent_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (indicator_id, period, organisation_id, stage)
);

-- Per initiative: how many days after a period ends a report is still on time (default 14).
CREATE TABLE report_setting (
    initiative_id  UUID  PRIMARY KEY,
    grace_days     INT   NOT NULL CHECK (grace_days BETWEEN 0 AND 365)
);
