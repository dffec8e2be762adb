package io.scimgateway.sqlite;

import io.scimgateway.spi.HealthCheck;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the database is open and writable: runs a probe that writes in a transaction that is rolled
 * back, so nothing changes (on SQLite: takes the write lock and writes the schema version, to the
 * value it has). A database that another process holds locked, a file opened read-only, a full disk
 * or a server that cannot be reached fail it. Thread-safe.
 */
public final class DatabaseHealth implements HealthCheck {

  private static final long WAIT_MILLIS = 2000;

  private final Runnable writeAndRollBack;
  private final String name;

  /** @param probe writes and rolls back; throws when it cannot */
  public DatabaseHealth(Runnable probe, String name) {
    this.writeAndRollBack = probe;
    this.name = name;
  }

  @Override
  public List<HealthPart> check() {
    CompletableFuture<Void> probe = CompletableFuture.runAsync(writeAndRollBack);
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
}
