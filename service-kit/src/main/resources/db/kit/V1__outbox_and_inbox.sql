-- Transactional outbox: events appended in the same transaction as the state change; the relay
-- publishes committed rows in seq order and marks them sent after the broker's ack.
CREATE TABLE outbox (
    seq            BIGSERIAL    PRIMARY KEY,
    id             UUID         NOT NULL UNIQUE,   -- CloudEvents id
    topic          TEXT         NOT NULL,
    record_key     TEXT         NOT NULL,          -- initiative id: one initiative's events stay in order
    type           TEXT         NOT NULL,
    source         TEXT         NOT NULL,
    subject        TEXT         NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    payload        JSONB        NOT NULL,
    sent_at        TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Wakes the relay when a transaction that appended events commits (one notification per statement,
-- folded per transaction by PostgreSQL).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('backbone_outbox', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_appended AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Inbox: one row per (consumer, event) written with the handler's effect, so redelivery is a no-op.
CREATE TABLE processed_event (
    consumer      TEXT         NOT NULL,
    event_id      TEXT         NOT NULL,   -- CloudEvents source + id (ids are unique per source)
    processed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
