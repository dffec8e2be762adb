package io.scimgateway.sqlitefile;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * A connection in autocommit that lets a read make one statement, and signals {@link Exceeded} when
 * it starts a second: one statement sees one snapshot by itself, two need a transaction. A lookup
 * that finds its answer in one statement thus runs without BEGIN and COMMIT: on a server, one round
 * trip instead of three; on SQLite, two fewer statements prepared and run. A kept statement ({@link
 * Statements.Kept}) counts as a statement too. Used by one thread at a time, as the connection it
 * wraps.
 */
public final class OneStatement implements InvocationHandler {

  private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement",
      "prepareCall");

  private final Connection connection;
  private boolean started;

  private OneStatement(Connection connection) {
    this.connection = connection;
  }

  /** The rest of a read, on a connection: a transaction around it, say. */
  @FunctionalInterface
  public interface ConnectionWork<T> {
    T apply(Connection connection) throws SQLException, ScimException;
  }

  /**
   * {@code work} on {@code connection} as one statement in autocommit; if it starts a second, {@code
   * whole} (the same work in a transaction) from the start.
   */
  public static <T> T lookUp(Connection connection, SqlDatabase.ReadWork<T> work,
      ConnectionWork<T> whole) throws SQLException, ScimException {
    try {
      return work.apply(of(connection));
    } catch (Exceeded needsSnapshot) {
      return whole.apply(connection);
    }
  }

  /** {@code connection}, refusing a second statement with {@link Exceeded}. */
  public static Connection of(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new OneStatement(connection));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
    if (STATEMENTS.contains(method.getName())) {
      start();
    } else if (method.getName().equals("unwrap") && arguments[0] == Statements.Kept.class) {
      Statements.Kept kept = connection.unwrap(Statements.Kept.class);
      return (Statements.Kept) sql -> {
        start();
        return kept.prepared(sql);
      };
    }
    try {
      return method.invoke(connection, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private void start() {
    if (started) {
      throw Exceeded.INSTANCE;
    }
    started = true;
  }

  /** The read needs a second statement, so it runs again in a transaction. */
  public static final class Exceeded extends RuntimeException {

    private static final Exceeded INSTANCE = new Exceeded();

    private Exceeded() {
      super("a read made a second statement", null, false, false);
    }
  }
}
