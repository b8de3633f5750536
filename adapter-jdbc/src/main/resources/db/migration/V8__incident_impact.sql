-- What the failure of each incident's first run held back (tasks skipped because of it), each with its state,
-- kept as a JSON array of strings in TEXT. Runs unchanged on PostgreSQL and on H2 in MODE=PostgreSQL; incidents
-- filed before this migration have none.
ALTER TABLE incidents ADD COLUMN impact TEXT DEFAULT '[]' NOT NULL;
