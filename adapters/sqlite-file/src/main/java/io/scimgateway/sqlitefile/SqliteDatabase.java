package io.scimgateway.sqlitefile;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Metrics;
import io.scimgateway.spi.ReadConcurrency;
import io.scimgateway.spi.WriteBatching;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * One SQLite file in WAL mode: a single writer connection (SQLite allows one writer at a time, so
 * writers queue here rather than fail on a lock) and a pool of read-only connections that read
 * concurrently with it. Writes wait for a {@link GroupCommit}: concurrent ones share a transaction and
 * its sync. Thread-safe.
 *
 * <pre>{@code
 * SqliteDatabase database = new SqliteDatabase(SqliteSettings.defaults(file), migrations);
 * database.write(handle -> handle.execute("INSERT ..."));
 * }</pre>
 */
public final class SqliteDatabase implements SqlDatabase {

  private final HikariDataSource writerPool;
  private final HikariDataSource readerPool;
  private final Jdbi writer;
  private final Jdbi reader;
  private final GroupCommit commits;

  /**
   * Opens the file with connections that keep their statements: see
   * {@link #SqliteDatabase(SqliteSettings, SchemaMigrations, Connections)}.
   */
  public SqliteDatabase(SqliteSettings settings, SchemaMigrations migrations) {
    this(settings, migrations, StatementKeepingConnection::new);
  }

  /**
   * Opens the file, creating it and its directories if need be, and brings its schema up to date.
   *
   * @param connections makes each pooled connection (one that keeps its statements, or registers SQL
   *     functions)
   */
  public SqliteDatabase(SqliteSettings settings, SchemaMigrations migrations, Connections connections) {
    createParentDirectory(settings.file());
    OwnerOnlyFiles.prepare(settings.file());
    writerPool = pool("scim-gateway-sqlite-writer", dataSource(settings, false, connections), 1, false,
        settings);
    try {
      writer = Jdbi.create(writerPool);
      migrations.apply(writer);
      readerPool = pool("scim-gateway-sqlite-reader", dataSource(settings, true, connections),
          settings.readers(),
          true, settings);
    } catch (RuntimeException e) {
      writerPool.close();
      throw e;
    }
    reader = Jdbi.create(readerPool);
    commits = new GroupCommit(writer, "scim-gateway-sqlite-commits-" + settings.file().getFileName());
  }

  /** Makes one connection to the file, as {@link JDBC4Connection}'s constructor does. */
  @FunctionalInterface
  public interface Connections {
    SQLiteConnection open(String url, String file, Properties properties) throws SQLException;
  }

  /**
   * Runs {@code work} as one write of the next group commit, on the commit thread; {@link #write} and
   * {@link #read} calls it makes join the group's transaction (each write in its own savepoint). The
   * answer comes once the group is committed.
   */
  @Override
  public <T> T inOneBatch(WriteBatching.Work<T> work) throws ScimException {
    if (GroupCommit.currentHandle() != null) {
      return work.run();
    }
    return commits.submit(handle -> work.run());
  }

  /**
   * {@link #inOneBatch}, first tried as one attempt without a savepoint per write
   * ({@link OptimisticBatch}): in a savepoint, SQLite copies every page a write is about to change to
   * its sub-journal, so a bulk of a thousand creates wrote each changed index page a thousand times.
   */
  @Override
  public <T> T inOneRepeatableBatch(WriteBatching.Work<T> work) throws ScimException {
    if (GroupCommit.currentHandle() != null) {
      return work.run();
    }
    return commits.submitRepeatable(work);
  }

  /**
   * A write: all of it applies or none does. It runs in the next group commit and returns once that
   * is durable; inside a group (a batch, or a write that writes more) it runs in place, in a savepoint.
   */
  @Override
  public <T> T write(HandleWork<T> work) throws ScimException {
    Handle handle = GroupCommit.currentHandle();
    if (handle != null) {
      return GroupCommit.inSavepoint(handle, work);
    }
    return commits.submit(work);
  }

  /**
   * A consistent read: of committed data, or inside the current batch, of the batch's own writes. It
   * runs on a pooled connection directly, without a Jdbi handle: reads are most of the traffic, and
   * their queries may run on the connection's kept statements.
   */
  @Override
  public <T> T read(ReadWork<T> work) throws ScimException {
    Handle handle = GroupCommit.currentHandle();
    if (handle != null) {
      return work.apply(handle.getConnection());
    }
    try (Connection connection = readerPool.getConnection()) {
      // One read transaction, so that all of the read's queries see the same snapshot.
      connection.setAutoCommit(false);
      try {
        return work.apply(connection);
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreFailure("SQLite", "a read transaction", e);
    }
  }

  /** For writes and for reads that must see the writer's own uncommitted rows. */
  public Jdbi writer() {
    return writer;
  }

  /** For reads; each transaction sees one consistent snapshot. */
  public Jdbi reader() {
    return reader;
  }

  /** One read a core: a read here is this process's own work, from parsing to the last row. */
  @Override
  public Optional<ReadConcurrency> readConcurrency() {
    return Optional.of(new ReadConcurrency(Runtime.getRuntime().availableProcessors()));
  }

  @Override
  public void close() {
    commits.close();
    readerPool.close();
    writerPool.close();
  }

  private static SQLiteDataSource dataSource(SqliteSettings settings, boolean readOnly,
      Connections connections) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(settings.synchronous().toUpperCase()));
    config.setBusyTimeout((int) settings.busyTimeout().toMillis());
    config.enforceForeignKeys(true);
    // Otherwise the driver runs a query of its own after every INSERT, in case its keys are asked for;
    // the store asks for the one key it needs itself.
    config.setGetGeneratedKeys(false);
    config.setReadOnly(readOnly);
    if (!readOnly) {
      // The writer takes the lock when it begins, so a read inside a write never has to upgrade it.
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      config.setCacheSize(-1024 * settings.writerCacheMb()); // negative: in KiB, not pages
    }
    String file = settings.file().toAbsolutePath().toString();
    SQLiteDataSource dataSource = new SQLiteDataSource(config) {
      @Override
      public SQLiteConnection getConnection(String user, String password)
          throws SQLException {
        return connections.open(getUrl(), file, getConfig().toProperties());
      }
    };
    dataSource.setUrl("jdbc:sqlite:" + file);
    return dataSource;
  }

  private static HikariDataSource pool(String name, SQLiteDataSource dataSource, int size,
      boolean readOnly, SqliteSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setReadOnly(readOnly);
    config.setPoolName(name);
    config.setDataSource(dataSource);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(Math.max(250, settings.busyTimeout().toMillis()));
    config.setMetricRegistry(Metrics.globalRegistry); // pool use at /metrics
    return new HikariDataSource(config);
  }

  private static void createParentDirectory(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory for " + file, e);
    }
  }
}
