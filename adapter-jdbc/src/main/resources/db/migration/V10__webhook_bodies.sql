-- A webhook body is stored once, keyed by its SHA-256, and every delivery cut from it refers to it: a body listing
-- N runs made N deliveries that each held the whole body. Deliveries stored before this migration keep their body
-- in inbox.body; later ones leave it empty and name their body by hash. Runs unchanged on PostgreSQL and on H2 in
-- MODE=PostgreSQL.
CREATE TABLE webhook_bodies (
  body_hash    VARCHAR(64) NOT NULL PRIMARY KEY,
  body         TEXT        NOT NULL,
  received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE inbox ADD COLUMN body_hash VARCHAR(64) REFERENCES webhook_bodies (body_hash);
CREATE INDEX inbox_by_body ON inbox (body_hash);
