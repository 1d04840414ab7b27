-- Responses to creating POSTs that carried an Idempotency-Key, so a retried request gets the same
-- answer instead of a second resource. Kept for 24 hours.
CREATE TABLE idempotent_request (
    caller        TEXT        NOT NULL,   -- token subject: keys are scoped to who sent them
    key           TEXT        NOT NULL,
    request_hash  TEXT        NOT NULL,   -- method, path and body: a reused key with another request is refused
    status        INT,
    location      TEXT,
    etag          TEXT,
    body          TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
