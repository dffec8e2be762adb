-- Secrets every gateway instance on this database shares, such as the key that seals cursors, so
-- that a cursor one instance made is accepted by the others. Made by the first instance that needs one.
CREATE TABLE shared_secrets (
  name   text PRIMARY KEY,
  secret bytea NOT NULL
);
