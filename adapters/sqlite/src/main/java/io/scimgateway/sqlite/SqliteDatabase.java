package io.scimgateway.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite file in WAL mode: a single writer connection (SQLite allows one writer at a time, so
 * writers queue here rather than fail on a lock) and a pool of read-only connections that read
 * concurrently with it. Thread-safe.
 */
final class SqliteDatabase implements AutoCloseable {

  private final HikariDataSource writerPool;
  private final HikariDataSource readerPool;
  private final Jdbi writer;
  private final Jdbi reader;

  SqliteDatabase(SqliteSettings settings) {
    createParentDirectory(settings.file());
    writerPool = pool("scim-gateway-sqlite-writer", dataSource(settings, false), 1, false, settings);
    try {
      writer = Jdbi.create(writerPool);
      SchemaMigrations.apply(writer);
      readerPool = pool("scim-gateway-sqlite-reader", dataSource(settings, true), settings.readers(),
          true, settings);
    } catch (RuntimeException e) {
      writerPool.close();
      throw e;
    }
    reader = Jdbi.create(readerPool);
  }

  /** For writes and for reads that must see the writer's own uncommitted rows. */
  Jdbi writer() {
    return writer;
  }

  /** For reads; each transaction sees one consistent snapshot. */
  Jdbi reader() {
    return reader;
  }

  @Override
  public void close() {
    readerPool.close();
    writerPool.close();
  }

  private static SQLiteDataSource dataSource(SqliteSettings settings, boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(settings.synchronous().toUpperCase()));
    config.setBusyTimeout((int) settings.busyTimeout().toMillis());
    config.enforceForeignKeys(true);
    config.setReadOnly(readOnly);
    if (!readOnly) {
      // The writer takes the lock when it begins, so a read inside a write never has to upgrade it.
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    }
    SQLiteDataSource dataSource = new SQLiteDataSource(config) {
      @Override
      public org.sqlite.SQLiteConnection getConnection(String user, String password)
          throws java.sql.SQLException {
        org.sqlite.SQLiteConnection connection = super.getConnection(user, password);
        ScimSqlFunctions.register(connection);
        return connection;
      }
    };
    dataSource.setUrl("jdbc:sqlite:" + settings.file().toAbsolutePath());
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
