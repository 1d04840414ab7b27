-- A column the database bounds itself, so that a test can send what it refuses (numeric overflow).
ALTER TABLE test_effect ADD COLUMN amount NUMERIC(6, 2);
