package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A backend the conformance suite can run over, found with {@link java.util.ServiceLoader}: a platform
 * lists its implementation in {@code META-INF/services/io.scimgateway.conformance.ConformancePlatform}
 * of the test resources, and a surefire execution of its own selects it by {@link #name()} with
 * {@code -Dconformance.backend=<name>}. Nothing else in the suite names platforms: tests ask
 * {@link ConformanceBackend#has(Capability)} and check the SCIM error where a capability is missing.
 */
public interface ConformancePlatform {

  /** The value of {@code conformance.backend} that selects this platform, e.g. {@code appwrite}. */
  String name();

  /** What the backend can do of what some tests need. */
  Set<Capability> capabilities();

  /**
   * The {@code backend:} section for a new gateway whose files go to {@code data}, starting whatever the
   * gateway talks to (an emulator of the platform), which {@link #release} stops.
   */
  ObjectNode section(Path data) throws IOException;

  /** Stops what {@link #section} started for this section; nothing by default. */
  default void release(ObjectNode section) {
  }
}
