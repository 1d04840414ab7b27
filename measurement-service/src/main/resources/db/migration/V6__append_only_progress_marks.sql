-- Progress marks become append-only. With one row per (indicator, period), a submission's
-- INSERT ... ON CONFLICT waited for the publisher's transaction whenever the publisher had taken
-- that mark (seconds, while it recomputed a batch of marks). Now a submission always appends and
-- never waits; the publisher takes every mark of the pairs it recomputes and deletes just those.
CREATE TABLE progress_mark (
    seq           BIGSERIAL   PRIMARY KEY,
    indicator_id  UUID        NOT NULL,
    period        TEXT        NOT NULL,
    marked_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX progress_mark_pair ON progress_mark (indicator_id, period);

INSERT INTO progress_mark (indicator_id, period, marked_at)
SELECT indicator_id, period, marked_at FROM progress_dirty ORDER BY marked_at;
DROP TABLE progress_dirty;
