package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend the conformance suite runs over, chosen with {@code -Dconformance.backend}: the embedded
 * SQLite store (default) or {@code appwrite}, where each gateway gets its own fresh Appwrite emulator.
 * Tests that meet something a backend cannot do ask {@link #current()} and check the SCIM error that
 * says so.
 */
enum ConformanceBackend {
  SQLITE,
  APPWRITE;

  /** Emulators started for a gateway's configuration, by endpoint, until that gateway closes. */
  private static final Map<String, AutoCloseable> PLATFORMS = new ConcurrentHashMap<>();

  static ConformanceBackend current() {
    return valueOf(System.getProperty("conformance.backend", "sqlite").toUpperCase(Locale.ROOT));
  }

  static boolean isAppwrite() {
    return current() == APPWRITE;
  }

  /** The {@code backend:} section for a new gateway whose files go to {@code data}. */
  static ObjectNode section(Path data) {
    ObjectNode section = JsonNodeFactory.instance.objectNode();
    if (current() == SQLITE) {
      return section.put("type", "sqlite");
    }
    try {
      AppwriteEmulator emulator = new AppwriteEmulator("conformance", "conformance-key").start();
      Files.createDirectories(data);
      Path key = Files.writeString(data.resolve("appwrite-api-key"), emulator.apiKey());
      String endpoint = emulator.baseUri().toString();
      PLATFORMS.put(endpoint, emulator);
      return section.put("type", "appwrite").put("endpoint", endpoint)
          .put("projectId", emulator.projectId()).put("apiKeyFile", key.toString())
          .put("maxRetries", 2).put("initialBackoffMillis", 10).put("maxBackoffMillis", 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops what {@link #section} started for this section, if anything. */
  static void release(ObjectNode section) {
    AutoCloseable platform = PLATFORMS.remove(section.path("endpoint").asText());
    if (platform != null) {
      try {
        platform.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
