-- Debounced progress events: a change marks (indicator, period) dirty; a scheduled publisher takes
-- the dirty marks in batches, recomputes progress once per mark, and emits progress.updated (and
-- indicator.status-changed when the status moved), however many values changed in between.
CREATE TABLE progress_dirty (
    indicator_id  UUID        NOT NULL,
    period        TEXT        NOT NULL,
    marked_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (indicator_id, period)
);

-- The status last announced per (indicator, period), to tell a change of status.
CREATE TABLE progress_state (
    indicator_id  UUID    NOT NULL,
    period        TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    PRIMARY KEY (indicator_id, period)
);
