package io.scimgateway.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import io.scimgateway.sqlitefile.Timestamps;

/**
 * Users written straight into a store's database, past the gateway, for sizes that /Bulk cannot
 * load in the time a benchmark has: named and shaped as {@link BulkLoadBenchmark#request} names
 * them ({@code hr<n>@example.com}, externalId {@code e<n>}), in the store's own columns, one
 * statement per batch. The counts the store keeps are kept too (SQLite's triggers run; on
 * PostgreSQL they are recounted once, with the pk blocks, since a million updates of one counter
 * row would take long).
 * A benchmark says which users it seeded this way.
 */
final class DirectSeed {

  private static final int BATCH = 50_000;
  private static final String COLUMNS = "(id, resource_type, attributes, user_name, user_name_ci, "
      + "external_id, created, last_modified, version)";

  private DirectSeed() {
  }

  /** Seeds users {@code from} to {@code to - 1} into a PostgreSQL store's database; seconds taken. */
  static double postgres(String url, String user, String password, int from, int to)
      throws SQLException {
    long started = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      try (Statement session = connection.createStatement()) {
        session.execute("SET session_replication_role = replica"); // no per-row count trigger
      }
      String name = "'hr' || n || '@example.com'";
      insertBatches(connection, "INSERT INTO resources " + COLUMNS + " SELECT "
          + "CAST(gen_random_uuid() AS text), 'User', json_build_object('schemas', json_build_array("
          + "'urn:ietf:params:scim:schemas:core:2.0:User'), 'userName', " + name + ", 'externalId', "
          + "'e' || n, 'name', json_build_object('givenName', 'Given' || n, 'familyName', 'Family'), "
          + "'emails', json_build_array(json_build_object('value', " + name + ", 'type', 'work')), "
          + "'active', true), " + name + ", " + name + ", 'e' || n, ?, ?, 1 "
          + "FROM generate_series(CAST(? AS integer), CAST(? AS integer)) AS n", from, to);
      try (Statement after = connection.createStatement()) {
        after.execute("INSERT INTO resource_counts (resource_type, total) SELECT 'User', count(*) "
            + "FROM resources WHERE resource_type = 'User' ON CONFLICT (resource_type) "
            + "DO UPDATE SET total = excluded.total");
        after.execute("INSERT INTO resource_pk_blocks (resource_type, block, total) SELECT 'User', "
            + "pk / 1024, count(*) FROM resources WHERE resource_type = 'User' GROUP BY pk / 1024 "
            + "ON CONFLICT (resource_type, block) DO UPDATE SET total = excluded.total");
        // What autovacuum does soon after a large insert: statistics, and the visibility map that
        // lets a deep page count its offset in an index alone.
        after.execute("VACUUM (ANALYZE) resources");
      }
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /** Seeds users {@code from} to {@code to - 1} into the embedded store's file; seconds taken. */
  static double sqlite(Path file, int from, int to) throws SQLException {
    long started = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement session = connection.createStatement()) {
        session.execute("PRAGMA busy_timeout = 30000");
      }
      String name = "'hr' || n || '@example.com'";
      insertBatches(connection, "WITH RECURSIVE numbers(n) AS (SELECT ? UNION ALL SELECT n + 1 "
          + "FROM numbers WHERE n < ?) INSERT INTO resources " + COLUMNS + " SELECT "
          + "lower(hex(randomblob(16))), 'User', json_object('schemas', json_array("
          + "'urn:ietf:params:scim:schemas:core:2.0:User'), 'userName', " + name + ", 'externalId', "
          + "'e' || n, 'name', json_object('givenName', 'Given' || n, 'familyName', 'Family'), "
          + "'emails', json_array(json_object('value', " + name + ", 'type', 'work')), "
          + "'active', json('true')), " + name + ", " + name + ", 'e' || n, ?, ?, 1 FROM numbers",
          from, to);
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /**
   * Runs {@code insert} for each batch: it binds the creation time twice, then the first and last
   * number (PostgreSQL: time, time, first, last; SQLite's numbers come first).
   */
  private static void insertBatches(Connection connection, String insert, int from, int to)
      throws SQLException {
    boolean numbersFirst = insert.startsWith("WITH");
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      for (int first = from; first < to; first += BATCH) {
        int last = Math.min(first + BATCH, to) - 1;
        String now = Timestamps.format(Instant.now());
        Object[] values = numbersFirst ? new Object[] {first, last, now, now}
            : new Object[] {now, now, first, last};
        for (int i = 0; i < values.length; i++) {
          statement.setObject(i + 1, values[i]);
        }
        statement.executeUpdate();
      }
    }
  }
}
