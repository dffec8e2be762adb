package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The backend the conformance suite runs over: the {@link ConformancePlatform} named by
 * {@code -Dconformance.backend} (the embedded store, {@code sqlite}, by default), found with
 * {@link ServiceLoader}. Tests that meet something a backend cannot do ask {@link #has} and check the
 * SCIM error that says so.
 */
final class ConformanceBackend {

  private static final String DEFAULT = "sqlite";

  private ConformanceBackend() {
  }

  static ConformancePlatform current() {
    return Registry.CURRENT;
  }

  static boolean has(Capability capability) {
    return current().capabilities().contains(capability);
  }

  /** The {@code backend:} section for a new gateway whose files go to {@code data}. */
  static ObjectNode section(Path data) {
    try {
      return current().section(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops what {@link #section} started for this section, if anything. */
  static void release(ObjectNode section) {
    current().release(section);
  }

  /** The platforms on the class path, once. */
  private static final class Registry {
    private static final ConformancePlatform CURRENT = find(
        System.getProperty("conformance.backend", DEFAULT));

    private static ConformancePlatform find(String name) {
      Map<String, ConformancePlatform> all = ServiceLoader.load(ConformancePlatform.class).stream()
          .map(ServiceLoader.Provider::get)
          .collect(Collectors.toMap(ConformancePlatform::name, platform -> platform));
      ConformancePlatform platform = all.get(name);
      if (platform == null) {
        throw new IllegalStateException("-Dconformance.backend=" + name + " names no platform; "
            + "registered: " + all.keySet());
      }
      return platform;
    }
  }
}
