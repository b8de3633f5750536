-- Indexes for statistics and paged listing over all incidents (counted in SQL, not over the newest rows in
-- memory). Runs unchanged on PostgreSQL and on H2 in MODE=PostgreSQL.

-- The listing's order (newest first, then id), so that a page at any offset walks the index, not a sort.
CREATE INDEX incidents_by_recency ON incidents (last_seen, id);
-- The dashboard's filters, each also a grouping of the counts.
CREATE INDEX incidents_by_source ON incidents (first_source);
CREATE INDEX incidents_by_category ON incidents (category);
CREATE INDEX incidents_by_status ON incidents (status);
CREATE INDEX incidents_by_job ON incidents (job_name);
-- The failures chart reads the runs filed within a window of days.
CREATE INDEX occurrences_by_time ON occurrences (occurred_at, incident_id);
