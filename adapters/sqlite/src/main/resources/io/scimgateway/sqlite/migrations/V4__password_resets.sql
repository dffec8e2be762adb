-- At most one outstanding password reset per user: a new reset replaces it, deleting the user removes
-- it. Only the token's SHA-256 (hex) is kept; the token itself goes to the gateway's reset sink.
CREATE TABLE password_resets (
  resource_pk  INTEGER PRIMARY KEY REFERENCES resources (pk) ON DELETE CASCADE,
  token_sha256 TEXT    NOT NULL,
  expires      TEXT    NOT NULL
);

-- "Must change the password at next sign-in". Not part of the SCIM representation, so setting it
-- changes neither the resource's version nor its lastModified.
ALTER TABLE resources ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
