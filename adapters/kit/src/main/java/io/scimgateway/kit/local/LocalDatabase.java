package io.scimgateway.kit.local;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.sqlitefile.SqlDatabase;

/**
 * Local state's database, a SQLite file or a server: its reads and writes, whose work never fails
 * with a SCIM error (a database that fails throws as it would anywhere). Thread-safe.
 */
final class LocalDatabase {

  private final SqlDatabase database;

  LocalDatabase(SqlDatabase database) {
    this.database = database;
  }

  SqlDatabase database() {
    return database;
  }

  /** A read of one statement (on a server, without a transaction of its own). */
  <T> T lookup(SqlDatabase.ReadWork<T> work) {
    return unchecked(() -> database.lookup(work));
  }

  /** A write, committed when it returns. */
  <T> T write(SqlDatabase.HandleWork<T> work) {
    return unchecked(() -> database.write(work));
  }

  void close() {
    database.close();
  }

  private interface Call<T> {
    T run() throws ScimException;
  }

  private static <T> T unchecked(Call<T> call) {
    try {
      return call.run();
    } catch (ScimException e) {
      throw new IllegalStateException("Local state's work failed with a SCIM error, which it never "
          + "makes: " + e.getMessage(), e);
    }
  }
}
