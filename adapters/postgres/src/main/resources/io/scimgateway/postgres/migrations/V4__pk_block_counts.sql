-- How many resources of each type have their pk in each block of 1,024 pks, kept by the trigger that
-- keeps resource_counts, in the same transaction as every insert and delete. An unfiltered page in
-- creation order adds up these totals (a thousand rows for a million users) to find the block its
-- first row is in, and counts off only the rest of its offset there: startIndex=900001 no longer
-- walks 900,000 index entries.
CREATE TABLE resource_pk_blocks (
  resource_type text COLLATE "C" NOT NULL,
  block         bigint NOT NULL,   -- pk / 1024
  total         bigint NOT NULL,
  PRIMARY KEY (resource_type, block)
);

-- Instances of the previous version may be writing while this runs: hold their inserts and deletes
-- until the trigger below counts them too.
LOCK TABLE resources IN SHARE MODE;

INSERT INTO resource_pk_blocks (resource_type, block, total)
  SELECT resource_type, pk / 1024, count(*) FROM resources GROUP BY resource_type, pk / 1024;

CREATE OR REPLACE FUNCTION resources_counted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO resource_counts (resource_type, total) VALUES (NEW.resource_type, 1)
      ON CONFLICT (resource_type) DO UPDATE SET total = resource_counts.total + 1;
    INSERT INTO resource_pk_blocks (resource_type, block, total) VALUES (NEW.resource_type, NEW.pk / 1024, 1)
      ON CONFLICT (resource_type, block) DO UPDATE SET total = resource_pk_blocks.total + 1;
  ELSE
    UPDATE resource_counts SET total = total - 1 WHERE resource_type = OLD.resource_type;
    UPDATE resource_pk_blocks SET total = total - 1
      WHERE resource_type = OLD.resource_type AND block = OLD.pk / 1024;
  END IF;
  RETURN NULL;
END $$;
