-- What the test consumer does with an event: one row per application of its effect.
CREATE TABLE test_effect (
    id        BIGSERIAL PRIMARY KEY,
    event_id  TEXT NOT NULL,
    note      TEXT
);
