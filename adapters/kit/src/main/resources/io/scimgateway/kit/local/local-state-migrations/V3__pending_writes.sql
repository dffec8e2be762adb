-- Writes begun and not yet finished: one row from before a write's first platform call until its
-- local attributes are kept. A row found at start is a write a crash interrupted (see PendingWrites).
CREATE TABLE pending_writes (
  id INTEGER PRIMARY KEY,
  resource_type TEXT NOT NULL,
  operation TEXT NOT NULL,
  platform_id TEXT,
  attributes TEXT,
  started TEXT NOT NULL
);
