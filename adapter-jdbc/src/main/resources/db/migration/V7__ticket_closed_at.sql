-- A built-in ticket is done once closed (issue 17, ticket sync): when, or NULL while it is open.
ALTER TABLE tickets ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
