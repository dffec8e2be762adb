package io.scimgateway.sqlitefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * How a SQLite file is opened; for the embedded store, from the {@code backend:} section of the
 * configuration.
 *
 * @param file the database file; default {@code scim-gateway.db} in the data directory
 * @param readers how many connections serve reads at once
 * @param synchronous SQLite's {@code synchronous} pragma: {@code full} (default) makes every answered
 *     write survive a power cut, {@code normal} only a process crash, in exchange for speed
 * @param busyTimeout how long a connection waits for a lock before the request fails
 * @param writerCacheMb the writer connection's page cache, in MB: SQLite's own default of 2 unless
 *     set. A write reads and changes index pages spread over the whole file; those it finds in the
 *     cache it neither reads again nor, within a transaction, writes out early. Costs memory as it
 *     fills, so a gateway keeps the default and a batch job ({@code sync}) takes more.
 */
public record SqliteSettings(Path file, int readers, String synchronous, Duration busyTimeout,
    int writerCacheMb) {

  private static final Set<String> SYNCHRONOUS_MODES = Set.of("off", "normal", "full", "extra");
  private static final int DEFAULT_READERS = 4;
  private static final String DEFAULT_SYNCHRONOUS = "full";
  private static final int DEFAULT_BUSY_TIMEOUT_MILLIS = 10_000;
  private static final int DEFAULT_WRITER_CACHE_MB = 2;
  /** Sync in-process sets it when the configuration does not (the gateway's InProcessTarget). */
  private static final String WRITER_CACHE_MB = "writerCacheMb";

  /** The defaults, for a file no configuration section describes. */
  public static SqliteSettings defaults(Path file) {
    return new SqliteSettings(file, DEFAULT_READERS, DEFAULT_SYNCHRONOUS,
        Duration.ofMillis(DEFAULT_BUSY_TIMEOUT_MILLIS), DEFAULT_WRITER_CACHE_MB);
  }

  public static SqliteSettings from(ObjectNode settings, Path dataDirectory) {
    Path file = settings.hasNonNull("file")
        ? dataDirectory.resolve(settings.get("file").asText())
        : dataDirectory.resolve("scim-gateway.db");
    int readers = intSetting(settings, "readers", DEFAULT_READERS);
    String synchronous =
        settings.path("synchronous").asText(DEFAULT_SYNCHRONOUS).toLowerCase(Locale.ROOT);
    if (!SYNCHRONOUS_MODES.contains(synchronous)) {
      throw new IllegalArgumentException("backend.synchronous must be one of " + SYNCHRONOUS_MODES
          + ", not '" + synchronous + "'");
    }
    Duration busyTimeout = Duration.ofMillis(intSetting(settings, "busyTimeoutMillis",
        DEFAULT_BUSY_TIMEOUT_MILLIS));
    int writerCacheMb = intSetting(settings, WRITER_CACHE_MB, DEFAULT_WRITER_CACHE_MB);
    return new SqliteSettings(file, readers, synchronous, busyTimeout, writerCacheMb);
  }

  private static int intSetting(ObjectNode settings, String name, int fallback) {
    JsonNode node = settings.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.canConvertToInt() || node.asInt() < 1) {
      throw new IllegalArgumentException("backend." + name + " must be a positive integer, not " + node);
    }
    return node.asInt();
  }
}
