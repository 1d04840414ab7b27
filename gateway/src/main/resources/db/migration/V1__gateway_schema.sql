-- gateway: the schema starts here; tables arrive with the features that need them.
-- The outbox and inbox tables come from service-kit (db/kit, history in kit_schema_history).
COMMENT ON SCHEMA public IS 'Backbone gateway';
