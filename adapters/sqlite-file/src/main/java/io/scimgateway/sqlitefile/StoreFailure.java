package io.scimgateway.sqlitefile;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A statement the store's database could not run: a broken database, a lost server or a bug, never
 * the client's error. The message names the database (SQLite, PostgreSQL) and the statement.
 */
public final class StoreFailure extends RuntimeException {

  /** A failure of {@code sql} on {@code database}, a product name such as "PostgreSQL". */
  public StoreFailure(String database, String sql, SQLException cause) {
    super(database + " failed on \"" + sql + "\": " + cause.getMessage(), cause);
  }

  /** A failure of {@code sql} on {@code connection}, named by the connection's database. */
  public static StoreFailure on(Connection connection, String sql, SQLException cause) {
    return new StoreFailure(databaseName(connection), sql, cause);
  }

  private static String databaseName(Connection connection) {
    try {
      return connection.getMetaData().getDatabaseProductName();
    } catch (SQLException | RuntimeException unknown) {
      return "The database";
    }
  }
}
