-- Announcements by backbone staff: Markdown as written and the sanitised HTML rendered from it once,
-- an audience, a publish time (later: published by the scheduler), a pin, and who acknowledged them.
CREATE TABLE announcement (
    id                  UUID         PRIMARY KEY,
    initiative_id       UUID         NOT NULL,
    title               TEXT         NOT NULL,
    body_markdown       TEXT         NOT NULL,
    body_html           TEXT         NOT NULL,
    audience            TEXT         NOT NULL,        -- EVERYONE, PARTNERS, STAFF
    partner_roles       TEXT[]       NOT NULL,        -- PARTNERS narrowed to these roles; empty: any
    partner_sectors     TEXT[]       NOT NULL,        -- PARTNERS narrowed to these sectors; empty: any
    publish_at          TIMESTAMPTZ  NOT NULL,
    published           BOOLEAN      NOT NULL DEFAULT false,
    organisation_ids    UUID[],                       -- PARTNERS: who it was for when published
    pinned_until        TIMESTAMPTZ,
    ack_requested       BOOLEAN      NOT NULL,
    created_by          TEXT         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             INT          NOT NULL
);
CREATE INDEX announcement_by_initiative ON announcement (initiative_id, publish_at DESC, id DESC);
CREATE INDEX announcement_due ON announcement (publish_at) WHERE NOT published;

CREATE TABLE announcement_ack (
    announcement_id   UUID         NOT NULL REFERENCES announcement ON DELETE CASCADE,
    user_id           TEXT         NOT NULL,
    organisation_id   UUID,                           -- the reader's organisation, none for staff and observers
    acknowledged_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (announcement_id, user_id)
);
CREATE INDEX announcement_ack_in_order ON announcement_ack (announcement_id, acknowledged_at, user_id);
