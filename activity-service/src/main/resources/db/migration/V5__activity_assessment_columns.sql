-- What assessing an activity needs besides the columns it already has, kept beside the details so that
-- a full recompute reads every activity as flat text (the JSON paths cost it 50 ms in 10,000 rows).
ALTER TABLE activity ADD COLUMN whole_areas TEXT[] NOT NULL DEFAULT '{}';          -- places marked as covering their whole area
ALTER TABLE activity ADD COLUMN implementer_ids UUID[] NOT NULL DEFAULT '{}';      -- organisations in the IMPLEMENTING role

UPDATE activity SET
    whole_areas = ARRAY(SELECT p->>'location' FROM jsonb_array_elements(details->'places') p
                        WHERE (p->>'wholeArea')::boolean),
    implementer_ids = ARRAY(SELECT DISTINCT cast(p->>'organisationId' AS uuid)
                            FROM jsonb_array_elements(details->'participants') p WHERE p->>'role' = 'IMPLEMENTING');
