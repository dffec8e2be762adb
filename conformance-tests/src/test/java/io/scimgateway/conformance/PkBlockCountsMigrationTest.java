package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgateway.postgres.PostgresDatabase;
import io.scimgateway.sqlitefile.SchemaMigrations;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL schema's upgrade to pk block counts (migration V4): a database the previous version
 * wrote, users and groups with gaps where some were deleted, gets a count for every block of 1,024
 * pks that holds rows, and from then on the trigger keeps them exact through inserts and deletes.
 * Runs once, in the embedded store's run, on the JVM's test cluster.
 */
@Tag("platform")
class PkBlockCountsMigrationTest {

  private static final List<String> BEFORE_BLOCKS = List.of("V1__resources_and_memberships.sql",
      "V2__audit_events.sql", "V3__shared_secrets.sql");

  @Test
  void upgradeCountsTheRowsThereAndTheTriggerKeepsCounting() {
    PostgresCluster cluster = PostgresCluster.get();
    Jdbi database = Jdbi.create(cluster.url(cluster.newDatabase("pk_blocks_")), PostgresCluster.USER,
        cluster.password());
    new SchemaMigrations(PostgresDatabase.class, "migrations", BEFORE_BLOCKS).apply(database);
    database.useHandle(handle -> {
      insert(handle, "User", 1, 3_000);
      insert(handle, "Group", 1, 40);
      handle.execute("DELETE FROM resources WHERE pk % 7 = 0 OR pk BETWEEN 1000 AND 1100");
    });

    PostgresDatabase.MIGRATIONS.apply(database);

    database.useHandle(handle -> {
      assertTrue(handle.createQuery("SELECT count(*) FROM resource_pk_blocks").mapTo(Integer.class).one()
          >= 4, "users span three blocks and groups one more");
      assertCountsExact(handle, "after the upgrade");
      insert(handle, "User", 3_001, 4_500);
      handle.execute("DELETE FROM resources WHERE pk % 5 = 0 OR pk BETWEEN 2040 AND 2060");
      assertCountsExact(handle, "after inserts and deletes through the trigger");
    });
  }

  private static void insert(Handle handle, String type, int first, int last) {
    handle.execute("INSERT INTO resources (id, resource_type, attributes, user_name, user_name_ci, "
        + "created, last_modified, version) SELECT ? || n, ?, '{}', ? || n, ? || n, 't', 't', 1 "
        + "FROM generate_series(?, ?) AS n", type, type, type, type, first, last);
  }

  /** Every block's kept total is its rows' count, and no block holds rows without a total. */
  static void assertCountsExact(Handle handle, String when) {
    List<String> wrong = handle.createQuery("SELECT coalesce(counted.resource_type, kept.resource_type) "
        + "|| ' block ' || coalesce(counted.block, kept.block) || ': ' || coalesce(counted.total, 0) "
        + "|| ' rows, kept ' || coalesce(kept.total, 0) FROM (SELECT resource_type, pk / 1024 AS block, "
        + "count(*) AS total FROM resources GROUP BY resource_type, pk / 1024) AS counted "
        + "FULL JOIN resource_pk_blocks AS kept USING (resource_type, block) "
        + "WHERE coalesce(counted.total, 0) <> coalesce(kept.total, 0)").mapTo(String.class).list();
    assertEquals(List.of(), wrong, when);
  }
}
