package io.scimgateway.gateway.health;

import io.scimgateway.spi.Backend;
import io.scimgateway.spi.HealthCheck;
import io.scimgateway.spi.HealthCheck.HealthPart;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the backend can serve: one read through its User store (for a remote platform, a call
 * with our credentials; for the embedded store, a query), and whatever the backend checks itself
 * ({@link HealthCheck}, such as the database being writable). Thread-safe.
 */
public final class Readiness {

  private final Backend backend;

  public Readiness(Backend backend) {
    this.backend = backend;
  }

  /** The outcome of one check: every part, and the time taken. */
  public record Report(List<HealthPart> parts, long millis) {
    public boolean up() {
      return parts.stream().allMatch(HealthPart::up);
    }
  }

  public Report check() {
    long started = System.nanoTime();
    List<HealthPart> parts = new ArrayList<>();
    parts.add(read());
    backend.capability(HealthCheck.class).ifPresent(check -> parts.addAll(check.check()));
    return new Report(parts, (System.nanoTime() - started) / 1_000_000);
  }

  private HealthPart read() {
    Optional<ResourceStore> users = backend.store("User");
    if (users.isEmpty()) {
      return new HealthPart("backend", true, "serves no users; nothing to read");
    }
    long started = System.nanoTime();
    try {
      users.get().search(new SearchQuery(null, 0, 1));
      long millis = (System.nanoTime() - started) / 1_000_000;
      return new HealthPart("backend", true, "read one page of users in " + millis + " ms");
    } catch (Exception e) {
      return new HealthPart("backend", false, "a read of users failed: " + e.getMessage());
    }
  }
}
