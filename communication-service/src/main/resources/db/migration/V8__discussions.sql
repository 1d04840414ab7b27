-- Discussions on any object of an initiative the feed knows (its subject: service, type, id), with
-- comments in Markdown (replies name a parent), every edit kept as a version, deletion soft.
CREATE TABLE discussion_thread (
    id                UUID         PRIMARY KEY,
    initiative_id     UUID         NOT NULL,
    subject_service   TEXT         NOT NULL,
    subject_type      TEXT         NOT NULL,
    subject_id        TEXT         NOT NULL,
    title             TEXT         NOT NULL,
    status            TEXT         NOT NULL,          -- OPEN, LOCKED, RESOLVED
    created_by        TEXT         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    last_comment_at   TIMESTAMPTZ  NOT NULL,
    comment_count     INT          NOT NULL DEFAULT 0,
    version           INT          NOT NULL
);
CREATE INDEX discussion_thread_by_initiative ON discussion_thread (initiative_id, last_comment_at DESC, id DESC);
CREATE INDEX discussion_thread_by_subject ON discussion_thread (initiative_id, subject_service, subject_type, subject_id);

CREATE TABLE discussion_comment (
    id                UUID         PRIMARY KEY,
    thread_id         UUID         NOT NULL REFERENCES discussion_thread ON DELETE CASCADE,
    parent_id         UUID         REFERENCES discussion_comment,
    author            TEXT         NOT NULL,
    organisation_id   UUID,                             -- the author's organisation; none for staff
    body_markdown     TEXT         NOT NULL,
    body_html         TEXT         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    edited_at         TIMESTAMPTZ,
    deleted_at        TIMESTAMPTZ,
    deleted_by        TEXT,
    version           INT          NOT NULL
);
CREATE INDEX discussion_comment_in_order ON discussion_comment (thread_id, created_at, id);

-- what a comment said before each edit
CREATE TABLE discussion_comment_version (
    comment_id      UUID         NOT NULL REFERENCES discussion_comment ON DELETE CASCADE,
    version         INT          NOT NULL,
    body_markdown   TEXT         NOT NULL,
    written_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (comment_id, version)
);
