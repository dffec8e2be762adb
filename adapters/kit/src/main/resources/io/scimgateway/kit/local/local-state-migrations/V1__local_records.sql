-- What a remote platform cannot hold of a SCIM resource, keyed by the platform's own id.
CREATE TABLE local_records (
  resource_type TEXT NOT NULL,
  platform_id   TEXT NOT NULL,
  attributes    TEXT NOT NULL,   -- a JSON object of SCIM attributes
  external_id   TEXT,            -- attributes.externalId when it is a string, for its index
  created       TEXT NOT NULL,   -- UTC with milliseconds, from the first write
  last_modified TEXT NOT NULL,
  PRIMARY KEY (resource_type, platform_id)
) WITHOUT ROWID;

-- externalId eq "..." is answered here, without asking the platform. A column rather than an index
-- on json_extract: without statistics SQLite prefers the primary key to an expression index.
CREATE INDEX local_records_external_id ON local_records (resource_type, external_id);
