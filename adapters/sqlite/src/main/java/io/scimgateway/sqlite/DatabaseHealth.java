package io.scimgateway.sqlite;

import io.scimgateway.spi.HealthCheck;
import io.scimgateway.sqlitefile.SqliteDatabase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the embedded database is open and writable: takes the write lock and writes (the schema
 * version, to the value it has) in a transaction that is rolled back, so nothing changes. A database
 * that another process holds locked, a file opened read-only or a full disk fail it. Thread-safe.
 */
final class DatabaseHealth implements HealthCheck {

  private static final long WAIT_MILLIS = 2000;

  private final SqliteDatabase database;
  private final String name;

  DatabaseHealth(SqliteDatabase database, String name) {
    this.database = database;
    this.name = name;
  }

  @Override
  public List<HealthPart> check() {
    CompletableFuture<Void> probe = CompletableFuture.runAsync(this::writeAndRollBack);
    try {
      probe.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
      return List.of(new HealthPart(name, true, "open and writable"));
    } catch (TimeoutException e) {
      probe.cancel(true);
      return List.of(new HealthPart(name, false, "no write lock within " + WAIT_MILLIS
          + " ms: the database is locked or busy"));
    } catch (ExecutionException e) {
      return List.of(new HealthPart(name, false, "not writable: " + e.getCause().getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(new HealthPart(name, false, "check interrupted"));
    }
  }

  private void writeAndRollBack() {
    database.writer().useHandle(handle -> {
      handle.begin();
      try {
        int version = handle.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
        handle.execute("PRAGMA user_version = " + version);
      } finally {
        handle.rollback();
      }
    });
  }
}
