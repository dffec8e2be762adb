package io.scimgateway.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.sqlitefile.AuditRows;
import io.scimgateway.sqlitefile.SchemaMigrations;
import io.scimgateway.sqlitefile.SqliteDatabase;
import io.scimgateway.sqlitefile.SqliteSettings;
import io.scimgateway.sqlitefile.StatementKeepingConnection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.sqlite.SQLiteConnection;

/** The embedded store: the {@link SqlBackend} over one SQLite file. */
final class SqliteBackend {

  /** The embedded store's resources, memberships and password resets. */
  static final SchemaMigrations MIGRATIONS = new SchemaMigrations(SqliteBackend.class, "migrations",
      List.of("V1__resources_and_memberships.sql", "V2__timestamps_and_paging_indexes.sql",
          "V3__resource_counts.sql", "V4__password_resets.sql", AuditRows.MIGRATION,
          "V6__counts_kept_by_the_store.sql"));

  private SqliteBackend() {
  }

  static SqlBackend open(SqliteSettings settings, ObjectNode section,
      SchemaRegistry schemas) {
    SqliteDatabase database = new SqliteDatabase(settings, MIGRATIONS, SqliteBackend::connection);
    return new SqlBackend(database, SqliteDialect.INSTANCE,
        new DatabaseHealth(() -> writeAndRollBack(database), "database"), section, schemas);
  }

  /** Takes the write lock and writes the schema version, to the value it has, then rolls back. */
  private static void writeAndRollBack(SqliteDatabase database) {
    database.writer().useHandle(handle -> {
      handle.begin();
      try {
        int version = handle.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
        handle.execute("PRAGMA user_version = " + version);
      } finally {
        handle.rollback();
      }
    });
  }

  /** A connection that keeps its statements and knows the filter compiler's SQL functions. */
  private static SQLiteConnection connection(String url, String file, Properties properties)
      throws SQLException {
    SQLiteConnection connection = new StatementKeepingConnection(url, file, properties);
    ScimSqlFunctions.register(connection);
    return connection;
  }
}
