package io.scimgateway.sqlitefile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one statement on a connection, binding its parameters in order, and reads every row: on a
 * connection that keeps its statements ({@link Kept}, SQLite's, where preparing costs as much as
 * running) with the kept statement for the SQL text, on any other (a server's driver, which caches
 * prepared statements itself) with a statement prepared and closed each time. Stateless.
 *
 * <pre>{@code
 * List<String> ids = Statements.query(connection, "SELECT id FROM resources WHERE version > ?",
 *     List.of(3), row -> row.getString(1));
 * }</pre>
 */
public final class Statements {

  private Statements() {
  }

  /** A connection that keeps a prepared statement per SQL text; used by one thread at a time. */
  public interface Kept {

    /** The statement kept for {@code sql}, prepared on first use; never closed by its user. */
    PreparedStatement prepared(String sql) throws SQLException;
  }

  /** Reads one row of a result set. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** All rows of a query, each read by {@code reader}; the result set is closed before returning. */
  public static <T> List<T> query(Connection connection, String sql, List<?> parameters,
      RowReader<T> reader) {
    try {
      if (!connection.isWrapperFor(Kept.class)) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          return rows(bind(statement, parameters), reader);
        }
      }
      return rows(bind(connection.unwrap(Kept.class).prepared(sql), parameters), reader);
    } catch (SQLException e) {
      throw StoreFailure.on(connection, sql, e);
    }
  }

  /** Runs an insert, update or delete (nulls allowed among the parameters); the rows changed. */
  public static int update(Connection connection, String sql, List<?> parameters) {
    try {
      if (!connection.isWrapperFor(Kept.class)) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          return bind(statement, parameters).executeUpdate();
        }
      }
      return bind(connection.unwrap(Kept.class).prepared(sql), parameters).executeUpdate();
    } catch (SQLException e) {
      throw StoreFailure.on(connection, sql, e);
    }
  }

  private static <T> List<T> rows(PreparedStatement statement, RowReader<T> reader)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        rows.add(reader.read(result));
      }
    }
    return rows;
  }

  private static PreparedStatement bind(PreparedStatement statement, List<?> parameters)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement;
  }
}
