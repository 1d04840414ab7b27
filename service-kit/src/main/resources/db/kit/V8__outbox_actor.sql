-- Who caused an event: the subject of the request's caller, or 'system' for work nobody asked for;
-- the relay sends it as the CloudEvents extension `actor`. Rows written before it have none.
ALTER TABLE outbox ADD COLUMN actor TEXT;
