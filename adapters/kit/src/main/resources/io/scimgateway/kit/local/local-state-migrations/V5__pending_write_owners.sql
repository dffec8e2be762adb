-- Which gateway began a write, where several share local state on a server (see PendingWrites);
-- empty in a file of one gateway's own.
ALTER TABLE pending_writes ADD COLUMN owner TEXT;
