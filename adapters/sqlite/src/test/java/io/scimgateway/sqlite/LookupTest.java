package io.scimgateway.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgateway.sqlitefile.SqliteDatabase;
import io.scimgateway.sqlitefile.SqliteSettings;
import io.scimgateway.sqlitefile.Statements;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SqliteDatabase#lookup}: a read of one statement runs in autocommit, without BEGIN and
 * COMMIT; a read that makes a second statement runs again, whole, in one read transaction.
 */
class LookupTest {

  @TempDir
  Path data;

  private SqliteDatabase database;

  @BeforeEach
  void open() {
    database = new SqliteDatabase(SqliteSettings.defaults(data.resolve("store.db")),
        SqliteBackend.MIGRATIONS);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static boolean autoCommit(Connection connection) {
    try {
      return connection.getAutoCommit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void oneKeptStatementRunsWithoutATransaction() throws Exception {
    List<Boolean> autoCommit = new ArrayList<>();
    int answer = database.lookup(connection -> {
      autoCommit.add(autoCommit(connection));
      return Statements.query(connection, "SELECT 41 + 1", List.of(), row -> row.getInt(1)).get(0);
    });
    assertEquals(42, answer);
    assertEquals(List.of(true), autoCommit, "one attempt, in autocommit");
  }

  @Test
  void aSecondStatementRunsTheWholeReadAgainInOneTransaction() throws Exception {
    List<Boolean> autoCommit = new ArrayList<>();
    List<Integer> answers = database.lookup(connection -> {
      autoCommit.add(autoCommit(connection));
      List<Integer> read = new ArrayList<>();
      read.add(Statements.query(connection, "SELECT 1", List.of(), row -> row.getInt(1)).get(0));
      read.add(Statements.query(connection, "SELECT 2", List.of(), row -> row.getInt(1)).get(0));
      return read;
    });
    assertEquals(List.of(1, 2), answers);
    assertEquals(List.of(true, false), autoCommit, "the first attempt stops at its second statement; "
        + "the second runs in a transaction");
    assertEquals(true, database.reader().withHandle(handle -> handle.getConnection().getAutoCommit()),
        "the connection goes back to the pool in autocommit");
  }
}
