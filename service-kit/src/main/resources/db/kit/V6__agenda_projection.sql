-- The agenda as every service but agenda-service knows it, built from backbone.agenda.v1 by the kit's
-- AgendaProjector (switched on with backbone.agenda-projection.enabled). Each row remembers the event
-- that last set it, so a redelivered or late event cannot undo a newer one. The tables exist in every
-- service's database; they stay empty where the projection is off.

CREATE TABLE agenda_initiative (
    id     UUID        PRIMARY KEY,
    name   TEXT        NOT NULL,
    as_of  TIMESTAMPTZ NOT NULL              -- time of the event applied last
);

CREATE TABLE agenda_membership (
    initiative_id    UUID        NOT NULL,
    organisation_id  UUID        NOT NULL,
    name             TEXT,                   -- null while only a (late-arriving) leave is known
    sector           TEXT,
    role             TEXT,
    current          BOOLEAN     NOT NULL,
    as_of            TIMESTAMPTZ NOT NULL,   -- joinedAt or leftAt of the event applied last
    PRIMARY KEY (initiative_id, organisation_id)
);
-- "which initiatives does this organisation belong to" (access checks, feeds)
CREATE INDEX agenda_membership_by_organisation ON agenda_membership (organisation_id) WHERE current;

-- every join and leave, whatever order they arrived in: who was a member when
CREATE TABLE agenda_membership_change (
    initiative_id    UUID        NOT NULL,
    organisation_id  UUID        NOT NULL,
    at               TIMESTAMPTZ NOT NULL,
    joined           BOOLEAN     NOT NULL,   -- true: joined (with role), false: left
    role             TEXT,
    PRIMARY KEY (initiative_id, organisation_id, at, joined)
);

CREATE TABLE agenda_goal (
    initiative_id  UUID    NOT NULL,
    id             UUID    NOT NULL,
    title          TEXT    NOT NULL,
    active         BOOLEAN NOT NULL,
    as_of_version  INT     NOT NULL,         -- the ratified agenda version that set it
    PRIMARY KEY (initiative_id, id)
);

-- Upgrade of measurement-service: its own projection (initiative, partner, goal of its V2) moves here
-- row for row, with the dedupe rows of its inbox untouched, so no membership is lost and no event is
-- applied twice. Flyway runs the service's own migrations before the kit's, so on a new measurement
-- database those tables exist (empty) as well. agenda-service has no table "partner": its own
-- "initiative" and "goal" are never touched.
DO $$
BEGIN
    IF to_regclass('partner') IS NOT NULL AND to_regclass('indicator') IS NOT NULL THEN
        INSERT INTO agenda_initiative (id, name, as_of) SELECT id, name, as_of FROM initiative;
        INSERT INTO agenda_membership (initiative_id, organisation_id, name, sector, role, current, as_of)
            SELECT initiative_id, organisation_id, name, sector, role, current, as_of FROM partner;
        -- the history starts with the state each membership was in
        INSERT INTO agenda_membership_change (initiative_id, organisation_id, at, joined, role)
            SELECT initiative_id, organisation_id, as_of, current, role FROM partner;
        INSERT INTO agenda_goal (initiative_id, id, title, active, as_of_version)
            SELECT initiative_id, id, title, active, as_of_version FROM goal;
        DROP TABLE partner;
        DROP TABLE goal;
        DROP TABLE initiative;
    END IF;
END $$;
