package io.scimgateway.emulator.appwrite;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Appwrite's timestamp text: ISO-8601 with milliseconds and a numeric offset, e.g. 2024-05-01T10:20:30.123+00:00. */
final class AppwriteTimestamps {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  private final Clock clock;

  AppwriteTimestamps(Clock clock) {
    this.clock = clock;
  }

  String now() {
    return FORMAT.format(clock.instant());
  }

  String after(Duration duration) {
    return FORMAT.format(clock.instant().plus(duration));
  }
}
