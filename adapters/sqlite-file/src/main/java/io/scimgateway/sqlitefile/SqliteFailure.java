package io.scimgateway.sqlitefile;

import java.sql.SQLException;

/** A statement SQLite could not run: a broken database file or a bug, never the client's error. */
public final class SqliteFailure extends RuntimeException {

  public SqliteFailure(String sql, SQLException cause) {
    super("SQLite failed on \"" + sql + "\": " + cause.getMessage(), cause);
  }
}
