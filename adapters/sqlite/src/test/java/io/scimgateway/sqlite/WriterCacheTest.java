package io.scimgateway.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.sqlitefile.SqliteDatabase;
import io.scimgateway.sqlitefile.SqliteSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backend.writerCacheMb}: the writer's page cache, SQLite's default unless set. */
class WriterCacheTest {

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

  private static int cacheSize(SqliteDatabase database, boolean writer) {
    return (writer ? database.writer() : database.reader()).withHandle(handle ->
        handle.createQuery("PRAGMA cache_size").mapTo(Integer.class).one());
  }
}
