-- Action items: someone must do something by a date. Assigned to an organisation (its members
-- update it) and optionally one person; overdue is derived, and told once.
CREATE TABLE action_item (
    id                         UUID         PRIMARY KEY,
    initiative_id              UUID         NOT NULL,
    title                      TEXT         NOT NULL,
    notes                      TEXT         NOT NULL,
    assignee_organisation_id   UUID,                     -- none: backbone staff's own
    assignee_user_id           TEXT,
    due_on                     DATE         NOT NULL,
    source_service             TEXT,                     -- where it came from: a meeting, a decision, a thread
    source_type                TEXT,
    source_id                  TEXT,
    status                     TEXT         NOT NULL,    -- OPEN, IN_PROGRESS, DONE, CANCELLED
    overdue_told               BOOLEAN      NOT NULL DEFAULT false,
    created_by                 TEXT         NOT NULL,
    created_at                 TIMESTAMPTZ  NOT NULL,
    updated_at                 TIMESTAMPTZ  NOT NULL,
    completed_at               TIMESTAMPTZ,
    version                    INT          NOT NULL
);
CREATE INDEX action_item_by_initiative ON action_item (initiative_id, due_on, id);
CREATE INDEX action_item_by_organisation ON action_item (assignee_organisation_id, due_on, id);
CREATE INDEX action_item_by_user ON action_item (assignee_user_id, due_on, id);
CREATE INDEX action_item_overdue ON action_item (due_on) WHERE status IN ('OPEN', 'IN_PROGRESS') AND NOT overdue_told;
