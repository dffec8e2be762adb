-- Times always carry milliseconds, so that text order is time order for meta.created/lastModified
-- filters and sorts.
UPDATE resources SET
  created = strftime('%Y-%m-%dT%H:%M:%fZ', created),
  last_modified = strftime('%Y-%m-%dT%H:%M:%fZ', last_modified);

-- Lists page in pk order per resource type; delta syncs filter on meta.lastModified.
CREATE INDEX resources_type_pk ON resources (resource_type, pk);
CREATE INDEX resources_created ON resources (resource_type, created);
CREATE INDEX resources_last_modified ON resources (resource_type, last_modified);
