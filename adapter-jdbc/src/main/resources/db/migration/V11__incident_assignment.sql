-- On-call routing (issue 19). Each incident's assignment as it was decided when it was filed: the route it matched,
-- its owner (read from the job's tags), its priority (raised by recurrences, never lowered) and its runbook. Where
-- its messages and tickets go is read from the routes file by the route's name when they are sent, so no webhook
-- address or routing key is stored here. Incidents filed before this migration are unrouted: route 'default', P3.
ALTER TABLE incidents ADD COLUMN route_name TEXT DEFAULT 'default' NOT NULL;
ALTER TABLE incidents ADD COLUMN owner TEXT;
ALTER TABLE incidents ADD COLUMN priority VARCHAR(2) DEFAULT 'P3' NOT NULL;
ALTER TABLE incidents ADD COLUMN runbook_url TEXT;

-- The severity (SEV0..SEV4) of the Azure Monitor alert a stored delivery came from, when one did; an alert window
-- keeps it in its alert_window JSON.
ALTER TABLE inbox ADD COLUMN alert_severity VARCHAR(4);
