-- A replayed answer keeps its media type: a stored 422 is a problem detail, not plain JSON.
ALTER TABLE idempotent_request ADD COLUMN media_type TEXT;
