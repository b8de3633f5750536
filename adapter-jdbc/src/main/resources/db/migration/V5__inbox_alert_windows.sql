-- An alert that names no run (an Azure Monitor metric alert) is stored as what it is: its window's fields, as JSON,
-- and no run id. Earlier versions disguised it as a run id 'alert-window-<hash>'; such deliveries still waiting
-- cannot be read by this version and are put with the dead letters, with the reason, for the alert to be re-sent.
ALTER TABLE inbox ADD COLUMN alert_window TEXT;
UPDATE inbox SET status = 'DEAD', lease_owner = NULL, lease_until = NULL,
    last_error = 'stored by an earlier version as a disguised run id; re-send the alert to have its window searched'
WHERE run_id LIKE 'alert-window-%' AND status = 'PENDING';
