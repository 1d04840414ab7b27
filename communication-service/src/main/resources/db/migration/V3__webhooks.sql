-- Webhooks (Standard Webhooks): endpoints, their signing secrets, one message per event and a delivery
-- per message and endpoint. Deliveries are the queue: replicas claim due ones with SKIP LOCKED and a lease.
CREATE TABLE webhook_endpoint (
    id                     UUID         PRIMARY KEY,
    owner_organisation_id  UUID,                         -- null: the backbone's own (staff); else that partner's
    initiative_id          UUID,                         -- null: every initiative the owner may read
    url                    TEXT         NOT NULL,
    description            TEXT         NOT NULL,
    event_types            TEXT[]       NOT NULL,        -- exact types, prefixes ending in .*, or *
    enabled                BOOLEAN      NOT NULL,
    disabled_reason        TEXT,
    disabled_at            TIMESTAMPTZ,
    failing_since          TIMESTAMPTZ,                  -- first failure since the last success
    created_by             TEXT         NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL,
    version                INT          NOT NULL
);
CREATE INDEX webhook_endpoint_by_owner ON webhook_endpoint (owner_organisation_id, created_at, id);

-- The secret stays until it expires: a rotated-out one signs beside its successor for 24 h.
CREATE TABLE webhook_secret (
    endpoint_id  UUID         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    secret       TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ,
    PRIMARY KEY (endpoint_id, secret)
);

-- The body is fixed once: every attempt and every endpoint gets the same bytes under the same webhook-id.
CREATE TABLE webhook_message (
    id          TEXT         PRIMARY KEY,                -- the webhook-id: msg_ and the event's id
    type        TEXT         NOT NULL,
    body        TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE webhook_delivery (
    id              BIGSERIAL    PRIMARY KEY,
    endpoint_id     UUID         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    message_id      TEXT         NOT NULL REFERENCES webhook_message (id),
    state           TEXT         NOT NULL,               -- PENDING, SUCCEEDED, FAILED, HELD (fell due while disabled)
    due_at          TIMESTAMPTZ  NOT NULL,
    leased_until    TIMESTAMPTZ  NOT NULL DEFAULT '-infinity',
    attempts        INT          NOT NULL DEFAULT 0,
    last_attempt_at TIMESTAMPTZ,
    last_status     INT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (endpoint_id, message_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (endpoint_id, due_at, id) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (endpoint_id, id);
CREATE INDEX webhook_delivery_age ON webhook_delivery (created_at);

CREATE TABLE webhook_attempt (
    delivery_id   BIGINT       NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    at            TIMESTAMPTZ  NOT NULL,
    status_code   INT,                                   -- null: no answer (refused, timed out, not allowed)
    error         TEXT,
    excerpt       TEXT,                                  -- the response's first bytes
    duration_ms   INT          NOT NULL
);
CREATE INDEX webhook_attempt_by_delivery ON webhook_attempt (delivery_id, at);
