-- The activity an action item was turned into (activity-service's id), once.
ALTER TABLE action_item ADD COLUMN activity_id UUID;
