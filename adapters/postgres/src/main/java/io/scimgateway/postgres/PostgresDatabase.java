package io.scimgateway.postgres;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Metrics;
import io.scimgateway.spi.WriteBatching;
import io.scimgateway.sqlitefile.OptimisticBatch;
import io.scimgateway.sqlitefile.SchemaMigrations;
import io.scimgateway.sqlitefile.Savepoint;
import io.scimgateway.sqlitefile.SqlDatabase;
import io.scimgateway.sqlitefile.StoreFailure;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A PostgreSQL database: a pool of connections for writes, each write its own transaction (a write
 * made inside another, or inside a batch, joins it in a savepoint), and a pool of read-only ones whose
 * transactions each see one snapshot. Several gateways may share the database: versions and
 * uniqueness are kept by the server, and the schema is migrated under an advisory lock, so gateways
 * that start together migrate it once. Thread-safe.
 */
public final class PostgresDatabase implements SqlDatabase {

  /**
   * The store's tables, as on SQLite, in PostgreSQL's DDL; the audit trail's table too (the shared
   * script numbers events with SQLite's {@code INTEGER PRIMARY KEY}, which PostgreSQL leaves empty).
   */
  public static final SchemaMigrations MIGRATIONS = new SchemaMigrations(PostgresDatabase.class,
      "migrations", List.of("V1__resources_and_memberships.sql", "V2__audit_events.sql",
          "V3__shared_secrets.sql", "V4__pk_block_counts.sql"));

  /** The advisory lock key that migrations hold: "scim" in ASCII. */
  private static final long MIGRATION_LOCK = 0x7363696dL;

  /** How often a write that lost a deadlock or a serialization conflict runs again. */
  private static final int ATTEMPTS = 3;

  private static final ThreadLocal<Handle> CURRENT = new ThreadLocal<>();

  private final HikariDataSource writerPool;
  private final HikariDataSource readerPool;
  private final Jdbi writer;

  /** Connects, and brings the schema up to date (once, whoever else is starting). */
  public PostgresDatabase(PostgresSettings settings, SchemaMigrations migrations) {
    writerPool = pool(settings, "scim-gateway-postgres-writer", false, Math.max(2, settings.poolSize()));
    try {
      writer = Jdbi.create(writerPool);
      migrate(migrations);
      readerPool = pool(settings, "scim-gateway-postgres-reader", true, settings.poolSize());
    } catch (RuntimeException e) {
      writerPool.close();
      throw e;
    }
  }

  @Override
  public <T> T inOneBatch(WriteBatching.Work<T> work) throws ScimException {
    if (CURRENT.get() != null) {
      return work.run();
    }
    return transaction(handle -> work.run());
  }

  /** {@link #inOneBatch}, first tried without a savepoint per write ({@link OptimisticBatch}). */
  @Override
  public <T> T inOneRepeatableBatch(WriteBatching.Work<T> work) throws ScimException {
    if (CURRENT.get() != null) {
      return work.run();
    }
    return transaction(handle -> OptimisticBatch.run(handle, work));
  }

  @Override
  public <T> T write(HandleWork<T> work) throws ScimException {
    Handle current = CURRENT.get();
    if (current != null) {
      return Savepoint.run(current, work);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction(work);
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !retryable(e)) {
          throw e;
        }
      }
    }
  }

  @Override
  public <T> T read(ReadWork<T> work) throws ScimException {
    Handle current = CURRENT.get();
    if (current != null) {
      return work.apply(current.getConnection());
    }
    try (Connection connection = readerPool.getConnection()) {
      return inSnapshot(connection, work);
    } catch (SQLException e) {
      throw new StoreFailure("PostgreSQL", "a read transaction", e);
    }
  }

  /**
   * Runs {@code work}'s first statement by itself, in autocommit: one round trip for a lookup that
   * needs no more. If it starts a second, the work runs again from the start in one snapshot.
   */
  @Override
  public <T> T lookup(ReadWork<T> work) throws ScimException {
    if (CURRENT.get() != null) {
      return read(work);
    }
    try (Connection connection = readerPool.getConnection()) {
      try {
        return work.apply(OneStatement.of(connection));
      } catch (OneStatement.Exceeded needsSnapshot) {
        return inSnapshot(connection, work);
      }
    } catch (SQLException e) {
      throw new StoreFailure("PostgreSQL", "a read transaction", e);
    }
  }

  /** One read-only transaction, so that all of the read's statements see the same snapshot. */
  private static <T> T inSnapshot(Connection connection, ReadWork<T> work)
      throws SQLException, ScimException {
    connection.setAutoCommit(false);
    try {
      T result = work.apply(connection);
      connection.commit();
      return result;
    } catch (ScimException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Writes in a transaction that is rolled back: fails when the database is not writable. */
  public void writeAndRollBack() {
    writer.useHandle(handle -> {
      handle.begin();
      try {
        handle.execute("UPDATE schema_version SET name = name WHERE version = 1");
      } finally {
        handle.rollback();
      }
    });
  }

  @Override
  public void close() {
    readerPool.close();
    writerPool.close();
  }

  private <T> T transaction(HandleWork<T> work) throws ScimException {
    try (Handle handle = writer.open()) {
      CURRENT.set(handle);
      handle.begin();
      try {
        T result = work.apply(handle);
        handle.commit();
        return result;
      } catch (ScimException | RuntimeException | Error e) {
        rollBack(handle);
        throw e;
      }
    } finally {
      CURRENT.remove();
    }
  }

  private static void rollBack(Handle handle) {
    try {
      handle.rollback();
    } catch (RuntimeException ignored) {
      // the connection goes back to the pool, which ends its transaction
    }
  }

  /** A deadlock (40P01) or serialization failure (40001): the same write may well succeed again. */
  private static boolean retryable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().equals("40P01") || sql.getSQLState().equals("40001"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Migrates while holding a session advisory lock: a gateway that starts while another migrates
   * waits for it, then finds the schema current.
   */
  private void migrate(SchemaMigrations migrations) {
    writer.useHandle(lock -> {
      lock.createQuery("SELECT pg_advisory_lock(?) IS NULL").bind(0, MIGRATION_LOCK)
          .mapTo(Boolean.class).one();
      try {
        migrations.apply(writer);
      } finally {
        lock.createQuery("SELECT pg_advisory_unlock(?)").bind(0, MIGRATION_LOCK)
            .mapTo(Boolean.class).one();
      }
    });
  }

  private static HikariDataSource pool(PostgresSettings settings, String name, boolean readOnly,
      int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(Math.max(250, settings.statementTimeout().toMillis()));
    config.setReadOnly(readOnly);
    if (readOnly) {
      // A read of several statements runs in one transaction, so that a page and its total agree.
      config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
    }
    // Strings are sent untyped, so the server types them by where they go (a json column, text).
    config.addDataSourceProperty("stringtype", "unspecified");
    config.addDataSourceProperty("ApplicationName", "scim-gateway");
    config.addDataSourceProperty("options",
        "-c statement_timeout=" + settings.statementTimeout().toMillis()
            // Compiling a query costs 100 to 250 ms: more than any of the store's queries runs.
            + " -c jit=off");
    config.setMetricRegistry(Metrics.globalRegistry); // pool use at /metrics
    return new HikariDataSource(config);
  }
}
