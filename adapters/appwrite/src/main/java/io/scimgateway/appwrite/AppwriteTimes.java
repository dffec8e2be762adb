package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.kit.local.LocalRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Appwrite's timestamps: ISO-8601 with milliseconds and an offset, {@code 2026-01-02T03:04:05.678+00:00}. */
final class AppwriteTimes {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  private AppwriteTimes() {
  }

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /** Parses an Appwrite timestamp; null or unreadable gives {@code fallback}. */
  static Instant parse(String text, Instant fallback) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }

  /**
   * A document with its SCIM attributes and version as a stored resource: created from Appwrite,
   * last modified when Appwrite or local state last changed, whichever is later.
   */
  static StoredResource stored(ObjectNode document, ObjectNode scim, Optional<LocalRecord> local,
      String version) {
    Instant created = parse(document.path("$createdAt").asText(null), Instant.EPOCH);
    Instant updated = parse(document.path("$updatedAt").asText(null), created);
    Instant lastModified = local.map(LocalRecord::lastModified).filter(updated::isBefore)
        .orElse(updated);
    return new StoredResource(document.path("$id").asText(), scim, created, lastModified, version);
  }

  static Instant floorMillis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  static Instant ceilMillis(Instant instant) {
    Instant floor = floorMillis(instant);
    return floor.equals(instant) ? floor : floor.plusMillis(1);
  }
}
