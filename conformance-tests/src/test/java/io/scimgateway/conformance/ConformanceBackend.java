package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import io.scimgateway.emulator.spaceone.SpaceoneEmulator;
import io.scimgateway.emulator.spaceone.SpaceoneSettings;
import io.scimgateway.emulator.braincloud.BcEmulator;
import io.scimgateway.emulator.braincloud.BcSettings;
import io.scimgateway.emulator.zidentity.ZidEmulator;
import io.scimgateway.emulator.zidentity.ZidSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend the conformance suite runs over, chosen with {@code -Dconformance.backend}: the embedded
 * SQLite store (default), {@code appwrite}, {@code zidentity}, {@code spaceone} or {@code braincloud}, where each
 * gateway gets its own fresh
 * emulator of the platform.
 * Tests that meet something a backend cannot do ask {@link #current()} and check the SCIM error that
 * says so.
 */
enum ConformanceBackend {
  SQLITE,
  APPWRITE,
  ZIDENTITY,
  SPACEONE,
  BRAINCLOUD;

  /** Emulators started for a gateway's configuration, by endpoint, until that gateway closes. */
  private static final Map<String, AutoCloseable> PLATFORMS = new ConcurrentHashMap<>();

  static ConformanceBackend current() {
    return valueOf(System.getProperty("conformance.backend", "sqlite").toUpperCase(Locale.ROOT));
  }

  /** Whether the backend can change a user's userName; SpaceONE's is its user_id, never renamed. */
  static boolean renamesUsers() {
    return current() != SPACEONE && current() != BRAINCLOUD;
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
      if (current() == SPACEONE) {
        SpaceoneEmulator emulator = new SpaceoneEmulator(SpaceoneSettings.of("domain-conformance")).start();
        PLATFORMS.put(emulator.root().toString(), emulator);
        return spaceone(emulator, data);
      }
      if (current() == BRAINCLOUD) {
        BcEmulator emulator = new BcEmulator(BcSettings.of("10000", "conformance", "conformance-secret")).start();
        PLATFORMS.put(emulator.dispatcherUri().toString(), emulator);
        return braincloud(emulator, data);
      }
      if (current() == ZIDENTITY) {
        ZidEmulator emulator = new ZidEmulator(ZidSettings.of("conformance", "conformance-secret")).start();
        PLATFORMS.put(emulator.baseUri().toString(), emulator);
        return zidentity(emulator, data);
      }
      AppwriteEmulator emulator = new AppwriteEmulator("conformance", "conformance-key").start();
      PLATFORMS.put(emulator.baseUri().toString(), emulator);
      return appwrite(emulator, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The {@code backend:} section for a gateway over {@code emulator}, its API key in a file in
   * {@code data}, with quick retries (a few, 10 to 50 ms apart) so that fault tests run fast.
   */
  static ObjectNode appwrite(AppwriteEmulator emulator, Path data) throws IOException {
    Files.createDirectories(data);
    Path key = Files.writeString(data.resolve("appwrite-api-key"), emulator.apiKey());
    return JsonNodeFactory.instance.objectNode().put("type", "appwrite")
        .put("endpoint", emulator.baseUri().toString()).put("projectId", emulator.projectId())
        .put("apiKeyFile", key.toString()).put("maxRetries", 3).put("initialBackoffMillis", 10)
        .put("maxBackoffMillis", 50);
  }

  /**
   * The {@code backend:} section for a gateway over a ZIdentity emulator, its client secret in a file in
   * {@code data}, with quick retries; waits for the emulator's rate limit (its window is a second) are
   * not cut short, so that bursts of the suite wait rather than fail.
   */
  static ObjectNode zidentity(ZidEmulator emulator, Path data) throws IOException {
    Files.createDirectories(data);
    Path secret = Files.writeString(data.resolve("zidentity-client-secret"),
        emulator.settings().clientSecret());
    return JsonNodeFactory.instance.objectNode().put("type", "zidentity")
        .put("endpoint", emulator.baseUri().toString()).put("tokenEndpoint", emulator.tokenUri().toString())
        .put("clientId", emulator.settings().clientId()).put("clientSecretFile", secret.toString())
        .put("maxRetries", 5).put("initialBackoffMillis", 10).put("maxBackoffMillis", 1000);
  }

  /**
   * The {@code backend:} section for a gateway over a SpaceONE emulator, its API key in a file in
   * {@code data}, with quick retries.
   */
  static ObjectNode spaceone(SpaceoneEmulator emulator, Path data) throws IOException {
    Files.createDirectories(data);
    Path key = Files.writeString(data.resolve("spaceone-api-key"), emulator.apiKey());
    return JsonNodeFactory.instance.objectNode().put("type", "spaceone")
        .put("endpoint", emulator.root().toString()).put("domainId", emulator.settings().domainId())
        .put("apiKeyFile", key.toString()).put("maxRetries", 3).put("initialBackoffMillis", 10)
        .put("maxBackoffMillis", 50);
  }

  /**
   * The {@code backend:} section for a gateway over a brainCloud emulator, its server secret in a file in
   * {@code data}, with quick retries, and a group owner profile made in the emulator. Users are Universal: their
   * passwords can be set after creation (the suite's PUTs carry one), their login ids cannot change.
   */
  static ObjectNode braincloud(BcEmulator emulator, Path data) throws IOException {
    Files.createDirectories(data);
    Path secret = Files.writeString(data.resolve("braincloud-server-secret"), emulator.settings().serverSecret());
    return JsonNodeFactory.instance.objectNode().put("type", "braincloud")
        .put("endpoint", emulator.dispatcherUri().toString()).put("appId", emulator.settings().appId())
        .put("serverName", emulator.settings().serverName()).put("serverSecretFile", secret.toString())
        .put("identityType", "Universal").put("groupOwnerProfileId", emulator.createUser("scim-owner@example.com", "SCIM groups"))
        .put("maxRetries", 5).put("initialBackoffMillis", 10).put("maxBackoffMillis", 200);
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
