package io.scimgateway.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import io.scimgateway.sqlitefile.SqliteFailure;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * A SQLite connection that keeps its prepared statements, by SQL text. Preparing the store's queries
 * costs SQLite more than running them (an indexed lookup by userName is about half preparation), and
 * the same few queries serve every request. The pool hands a connection to one thread at a time, so
 * the statements need no locking; the least recently used ones are closed beyond {@link #KEPT}.
 *
 * <p>{@link #query} reads every row and closes the result set, which resets the statement: a kept
 * statement never holds a read snapshot open between requests, so the next read sees every write
 * committed before it began.
 *
 * <p>On any other connection (a server database's driver, which caches prepared statements itself)
 * {@link #query} and {@link #update} prepare and close a statement each time.
 */
final class StoreConnection extends JDBC4Connection {

  /** Enough for the fixed queries and a working set of filter shapes. */
  static final int KEPT = 64;

  private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(32, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
      if (size() <= KEPT) {
        return false;
      }
      closeQuietly(eldest.getValue());
      return true;
    }
  };

  StoreConnection(String url, String file, Properties properties) throws SQLException {
    super(url, file, properties);
  }

  /** Reads one row of a result set. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /**
   * Runs a query on a store connection (or a pool's proxy of one) with its kept statement for
   * {@code sql}, binding {@code parameters} in order, and returns all rows.
   */
  static <T> List<T> query(Connection connection, String sql, List<?> parameters, RowReader<T> reader) {
    try {
      if (!connection.isWrapperFor(StoreConnection.class)) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          return rows(bind(statement, parameters), reader);
        }
      }
      return rows(bind(connection.unwrap(StoreConnection.class).prepared(sql), parameters), reader);
    } catch (SQLException e) {
      throw new SqliteFailure(sql, e);
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

  /**
   * Runs an insert, update or delete on a store connection's kept statement for {@code sql}, binding
   * {@code parameters} (nulls allowed) in order; returns the number of rows changed.
   */
  static int update(Connection connection, String sql, List<?> parameters) {
    try {
      if (!connection.isWrapperFor(StoreConnection.class)) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          return bind(statement, parameters).executeUpdate();
        }
      }
      return bind(connection.unwrap(StoreConnection.class).prepared(sql), parameters).executeUpdate();
    } catch (SQLException e) {
      throw new SqliteFailure(sql, e);
    }
  }

  private PreparedStatement prepared(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null || statement.isClosed()) {
      statement = prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      // a statement that cannot be finalized now is finalized when its connection closes
    }
  }

}
