-- Email. A notification remembers how its recipient wanted it mailed when it was written (their
-- preference then), and which mail carried it; a mail carries one notification (IMMEDIATE) or a
-- digest of several (DAILY, WEEKLY).
ALTER TABLE notification
    ADD COLUMN in_app  BOOLEAN NOT NULL DEFAULT true,   -- false: mailed only, not in the app
    ADD COLUMN email   TEXT    NOT NULL DEFAULT 'NONE', -- NONE, IMMEDIATE, DAILY, WEEKLY
    ADD COLUMN mail_id BIGINT;
-- the planner's work: notifications to mail that no mail carries yet
CREATE INDEX notification_unmailed ON notification (email, recipient, seq) WHERE email <> 'NONE' AND mail_id IS NULL;
CREATE INDEX notification_by_mail ON notification (mail_id) WHERE mail_id IS NOT NULL;

CREATE TABLE mail_out (
    id               BIGSERIAL    PRIMARY KEY,
    recipient        TEXT         NOT NULL,          -- the person's token subject; the address is looked up when sent
    scope            TEXT         NOT NULL,          -- a notification kind (mailed at once), or DAILY / WEEKLY (a digest)
    status           TEXT         NOT NULL DEFAULT 'PENDING',  -- PENDING, SENT, SKIPPED (nowhere to send), FAILED
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    leased_until     TIMESTAMPTZ,                    -- a sender working on it; another may take it after
    address          TEXT,
    last_error       TEXT,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ
);
CREATE INDEX mail_out_due ON mail_out (next_attempt_at, id) WHERE status = 'PENDING';

-- When a person's digests go out: an hour of the day in their time zone, weekly ones on a day of the week.
CREATE TABLE mail_setting (
    recipient    TEXT  PRIMARY KEY,
    time_zone    TEXT  NOT NULL,       -- IANA, e.g. Asia/Jerusalem
    digest_hour  INT   NOT NULL CHECK (digest_hour BETWEEN 0 AND 23),
    weekly_day   TEXT  NOT NULL        -- MONDAY … SUNDAY
);
