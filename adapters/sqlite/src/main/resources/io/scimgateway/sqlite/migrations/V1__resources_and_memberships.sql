-- Users and groups share one table so that a membership can name either kind by primary key.
CREATE TABLE resources (
  pk              INTEGER PRIMARY KEY,
  id              TEXT    NOT NULL UNIQUE,
  resource_type   TEXT    NOT NULL,
  attributes      TEXT    NOT NULL,   -- SCIM JSON without id, meta, password and computed attributes
  user_name       TEXT,
  user_name_ci    TEXT,               -- userName folded to lower case: unique per resource type
  external_id     TEXT,               -- caseExact per RFC 7643 section 3.1
  display_name    TEXT,
  display_name_ci TEXT,
  password_hash   TEXT,
  created         TEXT    NOT NULL,
  last_modified   TEXT    NOT NULL,
  version         INTEGER NOT NULL
);

CREATE UNIQUE INDEX resources_user_name ON resources (resource_type, user_name_ci)
  WHERE user_name_ci IS NOT NULL;
CREATE INDEX resources_external_id ON resources (resource_type, external_id);
CREATE INDEX resources_display_name ON resources (resource_type, display_name_ci);

-- One row per direct membership; a group of 50,000 members is 50,000 rows, patched row by row.
CREATE TABLE memberships (
  group_pk  INTEGER NOT NULL REFERENCES resources (pk) ON DELETE CASCADE,
  member_pk INTEGER NOT NULL REFERENCES resources (pk) ON DELETE CASCADE,
  PRIMARY KEY (group_pk, member_pk)
) WITHOUT ROWID;

CREATE INDEX memberships_member ON memberships (member_pk, group_pk);
