-- What the assessment last computed for each area (a leaf goal × a coverage-level location), as a
-- digest of the area's coverage findings. A full recompute reads these and reconciles only the
-- areas whose digest moved. Every writer of an area's findings writes its digest in the same
-- transaction; an area without a row is always reconciled.
CREATE TABLE finding_area (
    initiative_id  UUID  NOT NULL,
    goal_id        UUID  NOT NULL,
    location       TEXT  NOT NULL,
    digest         TEXT  NOT NULL,
    PRIMARY KEY (initiative_id, goal_id, location)
);
