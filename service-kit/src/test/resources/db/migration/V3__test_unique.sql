-- A name that may exist once, so that a test can race creates of the same thing.
CREATE TABLE test_unique (name TEXT PRIMARY KEY);
