-- userName, folded to lower case, where a platform cannot hold it (Appwrite users whose userName is
-- not an email address): userName eq "..." is answered here, and two users never share one.
ALTER TABLE local_records ADD COLUMN user_name TEXT;

UPDATE local_records SET user_name = lower(json_extract(attributes, '$.userName'))
WHERE json_type(attributes, '$.userName') = 'text';

-- A record whose resource was deleted on the platform itself may hold a userName since taken by
-- another: the most recently written keeps it.
UPDATE local_records SET user_name = NULL
WHERE user_name IS NOT NULL AND EXISTS (SELECT 1 FROM local_records newer
  WHERE newer.resource_type = local_records.resource_type AND newer.user_name = local_records.user_name
  AND (newer.last_modified > local_records.last_modified OR (newer.last_modified = local_records.last_modified
    AND newer.platform_id > local_records.platform_id)));

CREATE UNIQUE INDEX local_records_user_name ON local_records (resource_type, user_name)
WHERE user_name IS NOT NULL;
