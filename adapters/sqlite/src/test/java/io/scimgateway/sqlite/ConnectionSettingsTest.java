package io.scimgateway.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.sqlitefile.SqliteDatabase;
import io.scimgateway.sqlitefile.SqliteSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/**
 * How the embedded store's connections are opened: {@code backend.writerCacheMb} sizes the writer's
 * page cache (SQLite's default unless set), and the driver runs no query of its own after inserts.
 */
class ConnectionSettingsTest {

  @TempDir
  Path data;

  @Test
  void theWriterTakesTheConfiguredCacheAndReadersKeepTheDefault() {
    ObjectNode section = JsonNodeFactory.instance.objectNode().put("writerCacheMb", 64);
    SqliteDatabase database = new SqliteDatabase(SqliteSettings.from(section, data),
        SqliteBackend.MIGRATIONS);
    try {
      assertEquals(-64 * 1024, cacheSize(database, true), "64 MB, in KiB");
      assertEquals(-2000, cacheSize(database, false), "SQLite's own default");
    } finally {
      database.close();
    }
  }

  @Test
  void unsetItIsSqlitesDefaultAndNothingButAPositiveNumberIsTaken() {
    assertEquals(2, SqliteSettings.from(JsonNodeFactory.instance.objectNode(), data).writerCacheMb());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> SqliteSettings.from(JsonNodeFactory.instance.objectNode().put("writerCacheMb", 0), data));
    assertTrue(refused.getMessage().contains("backend.writerCacheMb must be a positive integer"),
        refused.getMessage());
  }

  @Test
  void theDriverLooksUpNoGeneratedKeysAfterAnInsert() throws Exception {
    SqliteDatabase database = new SqliteDatabase(SqliteSettings.defaults(data.resolve("store.db")),
        SqliteBackend.MIGRATIONS);
    try {
      for (boolean writer : new boolean[] {true, false}) {
        boolean looksUp = (writer ? database.writer() : database.reader()).withHandle(handle ->
            handle.getConnection().unwrap(SQLiteConnection.class).getConnectionConfig()
                .isGetGeneratedKeys());
        assertFalse(looksUp, writer ? "writer" : "reader");
      }
    } finally {
      database.close();
    }
  }

  private static int cacheSize(SqliteDatabase database, boolean writer) {
    return (writer ? database.writer() : database.reader()).withHandle(handle ->
        handle.createQuery("PRAGMA cache_size").mapTo(Integer.class).one());
  }
}
