-- resource_counts is kept by the store's own statements beside each insert and delete from now on.
-- With a trigger, every insert was a statement of several writes, and SQLite keeps a statement
-- journal (a copy of each page the statement changes) for every such statement in a transaction.
DROP TRIGGER resources_counted_on_insert;
DROP TRIGGER resources_counted_on_delete;
