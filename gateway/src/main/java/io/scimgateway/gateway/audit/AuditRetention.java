package io.scimgateway.gateway.audit;

import io.scimgateway.gateway.config.AuditSettings;
import io.scimgateway.spi.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces {@code audit.retention} in the background: every {@code everySeconds} it deletes events
 * older than {@code days} and beyond the newest {@code count}, {@value #BATCH} at a time, each
 * batch one short write of its own, so that requests' writes go between them and never wait for a
 * long delete. Thread-safe.
 */
public final class AuditRetention implements AutoCloseable {

  /** Events deleted in one write. */
  static final int BATCH = 500;

  private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

  private final AuditTrail trail;
  private final AuditSettings.Retention retention;
  private final Clock clock;
  private final ScheduledExecutorService timer;

  private AuditRetention(AuditTrail trail, AuditSettings.Retention retention, Clock clock) {
    this.trail = trail;
    this.retention = retention;
    this.clock = clock;
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "scim-gateway-audit-retention");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleWithFixedDelay(this::pruneLogged, 1, retention.everySeconds(), TimeUnit.SECONDS);
  }

  /** Starts pruning where there is a trail and a limit; empty otherwise. */
  public static Optional<AuditRetention> start(Optional<AuditTrail> trail,
      AuditSettings.Retention retention) {
    if (trail.isEmpty() || !retention.limited()) {
      return Optional.empty();
    }
    return Optional.of(new AuditRetention(trail.get(), retention, Clock.systemUTC()));
  }

  /** Deletes what the limits no longer keep, in batches; returns how many events it deleted. */
  long prune() throws Exception {
    Instant before = retention.days() == null ? null
        : clock.instant().minus(Duration.ofDays(retention.days()));
    long deleted = 0;
    int batch;
    do {
      batch = trail.prune(before, retention.count(), BATCH);
      deleted += batch;
    } while (batch == BATCH && !Thread.currentThread().isInterrupted());
    return deleted;
  }

  private void pruneLogged() {
    try {
      long deleted = prune();
      if (deleted > 0) {
        LOG.info("Deleted " + deleted + " audit events past audit.retention");
      }
    } catch (Exception | Error e) {
      LOG.warn("Could not delete old audit events: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
