-- The dashboard searches incidents by job name, root-cause line and summary, and links the run that opened each
-- one. The root-cause line and the summary sit inside the analysis JSON, where a LIKE would also match its keys
-- and escapes, so they get columns of their own; migration 12.1 (IncidentSearchBackfill) fills them for incidents
-- filed before this one. The run page is known only for incidents filed from now on. Runs unchanged on PostgreSQL
-- and on H2 in MODE=PostgreSQL.
ALTER TABLE incidents ADD COLUMN root_cause_line TEXT DEFAULT '' NOT NULL;
ALTER TABLE incidents ADD COLUMN summary TEXT DEFAULT '' NOT NULL;
ALTER TABLE incidents ADD COLUMN run_page_url VARCHAR(2000);
-- Sorting by first seen or by occurrences walks an index like the default order does.
CREATE INDEX incidents_by_first_seen ON incidents (first_seen, id);
CREATE INDEX incidents_by_occurrences ON incidents (occurrences, id);
