package io.scimgateway.sqlite;

import io.scimgateway.sqlitefile.SchemaMigrations;
import io.scimgateway.sqlitefile.SqliteDatabase;
import io.scimgateway.sqlitefile.SqliteSettings;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.BackendContext;
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
