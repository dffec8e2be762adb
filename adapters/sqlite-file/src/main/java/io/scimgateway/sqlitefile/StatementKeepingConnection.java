package io.scimgateway.sqlitefile;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * A SQLite connection that keeps its prepared statements, by SQL text. Preparing a query costs SQLite
 * more than running it (an indexed lookup by userName is about half preparation), and the same few
 * queries serve every request: the embedded store's and the remote adapters' local-state reads alike. The pool hands a connection to one thread at a time, so
 * the statements need no locking; the least recently used ones are closed beyond {@link #KEPT}.
 *
 * <p>{@link Statements#query} reads every row and closes the result set, which resets the statement:
 * a kept statement never holds a read snapshot open between requests, so the next read sees every
 * write committed before it began.
 */
public final class StatementKeepingConnection extends JDBC4Connection implements Statements.Kept {

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

  public StatementKeepingConnection(String url, String file, Properties properties) throws SQLException {
    super(url, file, properties);
  }

  @Override
  public PreparedStatement prepared(String sql) throws SQLException {
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
