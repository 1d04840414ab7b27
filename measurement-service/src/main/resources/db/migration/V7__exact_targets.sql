-- Targets as JSON strings, digit for digit: the reactive client read JSONB numbers through double.
-- jsonb keeps numbers exactly, so each one's text is the number as it was sent.
UPDATE indicator SET targets = (
    SELECT coalesce(jsonb_object_agg(key, CASE WHEN jsonb_typeof(value) = 'number' THEN to_jsonb(value #>> '{}') ELSE value END),
                    '{}'::jsonb)
    FROM jsonb_each(targets));
