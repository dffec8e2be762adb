package io.scimgateway.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.sqlitefile.AuditRows;
import io.scimgateway.sqlitefile.SchemaMigrations;
import io.scimgateway.sqlitefile.SqliteDatabase;
import io.scimgateway.sqlitefile.SqliteSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations run once, and a database from a newer gateway, or of another kind, is refused rather than
 * misread.
 */
class SchemaMigrationsTest {

  private static final String WHEN = "2026-01-01T00:00:00.000Z";

  @TempDir
  Path data;

  @Test
  void reopeningAppliesNothingTwice() {
    open().close();
    open().close();
  }

  @Test
  void databaseFromANewerGatewayIsRefused() throws Exception {
    open().close();
    try (Connection connection = DriverManager.getConnection(
            "jdbc:sqlite:" + data.resolve("scim-gateway.db"));
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO schema_version VALUES (99, 'V99__future.sql', 'now')");
    }
    IllegalStateException refused = assertThrows(IllegalStateException.class, this::open);
    assertTrue(refused.getMessage().contains("newer gateway"), refused.getMessage());
  }

  /**
   * A store written before the counts moved out of triggers: the totals the triggers kept go on from
   * where they were.
   */
  @Test
  void countsKeptByTriggersGoOnAfterTheUpgrade() throws Exception {
    List<String> scripts = List.of("V1__resources_and_memberships.sql",
        "V2__timestamps_and_paging_indexes.sql", "V3__resource_counts.sql", "V4__password_resets.sql",
        AuditRows.MIGRATION);
    SqliteDatabase before = new SqliteDatabase(SqliteSettings.defaults(data.resolve("scim-gateway.db")),
        new SchemaMigrations(SqliteBackend.class, "migrations", scripts));
    before.write(handle -> handle.execute("INSERT INTO resources (id, resource_type, attributes, "
        + "created, last_modified, version) VALUES (?, 'User', '{}', ?, ?, 1), (?, 'User', '{}', ?, ?, 1)",
        "u1", WHEN, WHEN, "u2", WHEN, WHEN));
    before.close();
    io.scimgateway.spi.Backend after = open();
    try {
      ResourceStore users = after.store("User").orElseThrow();
      users.create(JsonNodeFactory.instance.objectNode().put("userName", "three@example.com"));
      users.create(JsonNodeFactory.instance.objectNode().put("userName", "four@example.com"));
      users.delete("u1", null);
      assertEquals(3, users.search(new SearchQuery(null, 0, 0)).totalResults(),
          "counted once each: neither missed nor by a trigger as well");
    } finally {
      after.close();
    }
  }

  @Test
  void aFileOfAnotherKindIsRefused() {
    open().close();
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> new SqliteDatabase(SqliteSettings.defaults(data.resolve("scim-gateway.db")),
            new SchemaMigrations(SchemaMigrationsTest.class, "other", List.of("V1__other.sql"))));
    assertTrue(refused.getMessage().contains("another kind of data"), refused.getMessage());
  }

  private io.scimgateway.spi.Backend open() {
    return new SqliteBackendProvider().open(new BackendContext(SchemaRegistry.load(),
        JsonNodeFactory.instance.objectNode(), data));
  }
}
