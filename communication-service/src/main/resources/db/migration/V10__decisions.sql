-- The decisions register: what was decided, why, where, what it affects; ADOPTED until a later
-- decision supersedes it or staff revoke it; a review date that is told when it comes.
CREATE TABLE decision (
    id               UUID         PRIMARY KEY,
    initiative_id    UUID         NOT NULL,
    statement        TEXT         NOT NULL,
    rationale        TEXT         NOT NULL,
    meeting_id       UUID,                              -- where it was taken; none: asynchronously
    affects          TEXT[]       NOT NULL,             -- objects it is about, each service/type/id
    review_on        DATE,
    review_told      BOOLEAN      NOT NULL DEFAULT false,
    status           TEXT         NOT NULL,             -- ADOPTED, SUPERSEDED, REVOKED
    supersedes       UUID         REFERENCES decision,
    superseded_by    UUID         REFERENCES decision,
    revoked_reason   TEXT,
    adopted_by       TEXT         NOT NULL,
    adopted_at       TIMESTAMPTZ  NOT NULL,
    version          INT          NOT NULL
);
CREATE INDEX decision_by_initiative ON decision (initiative_id, adopted_at DESC, id DESC);
CREATE INDEX decision_review_due ON decision (review_on) WHERE status = 'ADOPTED' AND NOT review_told;
