-- The cost tags (FinOps) of the run that opened each incident, kept as a JSON object of strings in TEXT.
-- Runs unchanged on PostgreSQL and on H2 in MODE=PostgreSQL; incidents filed before this migration have none.
ALTER TABLE incidents ADD COLUMN cost_tags TEXT DEFAULT '{}' NOT NULL;
