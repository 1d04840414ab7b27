-- The goal tree, not only the goal list: activity-service needs leaf goals and "a goal or one below it".
-- Rows projected before this column existed get their parent with the next ratified version.
ALTER TABLE agenda_goal ADD COLUMN parent_id UUID;
