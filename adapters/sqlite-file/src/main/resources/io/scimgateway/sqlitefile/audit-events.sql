-- The audit trail: one row per change (see AuditRows). seq is the order of writing (newest first when
-- read back); times are UTC text with milliseconds. A migration of the embedded store and of local
-- state alike: both name this file in their lists.
CREATE TABLE audit_events (
  seq           INTEGER PRIMARY KEY,
  event_id      TEXT    NOT NULL UNIQUE,
  happened      TEXT    NOT NULL,
  actor         TEXT    NOT NULL,
  client_id     TEXT,
  address       TEXT,
  request_id    TEXT,
  operation     TEXT    NOT NULL,
  resource_type TEXT    NOT NULL,
  resource_id   TEXT,
  resource_name TEXT,
  changes       TEXT    NOT NULL,
  outcome       TEXT    NOT NULL
);

CREATE INDEX audit_events_happened ON audit_events (happened);
CREATE INDEX audit_events_resource ON audit_events (resource_id);
CREATE INDEX audit_events_actor ON audit_events (actor);
