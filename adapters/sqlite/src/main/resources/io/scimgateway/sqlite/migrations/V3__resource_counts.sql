-- How many resources of each type there are, kept by triggers in the same transaction as every insert
-- and delete: an unfiltered list answers totalResults without counting 100,000 index entries.
CREATE TABLE resource_counts (
  resource_type TEXT    PRIMARY KEY,
  total         INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO resource_counts (resource_type, total)
  SELECT resource_type, count(*) FROM resources GROUP BY resource_type;

CREATE TRIGGER resources_counted_on_insert AFTER INSERT ON resources BEGIN
  INSERT INTO resource_counts (resource_type, total) VALUES (NEW.resource_type, 1)
    ON CONFLICT (resource_type) DO UPDATE SET total = total + 1;
END;

CREATE TRIGGER resources_counted_on_delete AFTER DELETE ON resources BEGIN
  UPDATE resource_counts SET total = total - 1 WHERE resource_type = OLD.resource_type;
END;
