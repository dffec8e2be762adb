package io.scimgateway.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

/**
 * A connection in autocommit that lets a read make one statement, and signals {@link Exceeded} when
 * it starts a second: one statement sees one snapshot by itself, two need a transaction. A lookup
 * that finds its answer in one statement thus costs one round trip, without BEGIN and COMMIT. Used
 * by one thread at a time, as the connection it wraps.
 */
final class OneStatement implements InvocationHandler {

  private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement",
      "prepareCall");

  private final Connection connection;
  private boolean started;

  private OneStatement(Connection connection) {
    this.connection = connection;
  }

  /** {@code connection}, refusing a second statement with {@link Exceeded}. */
  static Connection of(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new OneStatement(connection));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
    if (STATEMENTS.contains(method.getName())) {
      if (started) {
        throw Exceeded.INSTANCE;
      }
      started = true;
    }
    try {
      return method.invoke(connection, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The read needs a second statement, so it runs again in a transaction. */
  static final class Exceeded extends RuntimeException {

    private static final Exceeded INSTANCE = new Exceeded();

    private Exceeded() {
      super("a read made a second statement", null, false, false);
    }
  }
}
