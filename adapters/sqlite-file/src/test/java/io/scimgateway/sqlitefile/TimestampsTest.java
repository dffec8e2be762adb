package io.scimgateway.sqlitefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The store's own time format is read field by field; it must agree with {@link Instant#parse}. */
class TimestampsTest {

  @Test
  void readsWhatItWritesAsInstantParseDoes() {
    SplittableRandom random = new SplittableRandom(20260131);
    long latest = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    for (int i = 0; i < 100_000; i++) {
      Instant instant = Instant.ofEpochMilli(random.nextLong(0, latest));
      String text = Timestamps.format(instant);
      assertEquals(Instant.parse(text), Timestamps.parse(text), text);
      assertEquals(instant, Timestamps.parse(text), text);
    }
  }

  @Test
  void writesWhatTheFormatterWrites() {
    DateTimeFormatter formatter =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    SplittableRandom random = new SplittableRandom(20261207);
    long earliest = Instant.parse("-0001-01-01T00:00:00Z").getEpochSecond();
    long latest = Instant.parse("+10001-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(earliest, latest),
          random.nextInt(1_000_000_000));
      assertEquals(formatter.format(instant.truncatedTo(ChronoUnit.MILLIS)),
          Timestamps.format(instant), instant::toString);
    }
    assertEquals("1969-12-31T23:59:59.999Z", Timestamps.format(Instant.ofEpochMilli(-1)));
    assertEquals("0000-01-01T00:00:00.000Z", Timestamps.format(Instant.parse("0000-01-01T00:00:00Z")));
  }

  @Test
  void edgesAndOtherShapesAgreeWithInstantParse() {
    for (String text : List.of("2024-02-29T00:00:00.000Z", "1970-01-01T00:00:00.000Z",
        "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00.000Z", "2026-01-31T08:00:00Z",
        "2026-01-31T08:00:00.123456Z", "2026-01-31T08:00:00.1Z", "2026-01-31T24:00:00.000Z",
        "2026-01-31T23:59:60.000Z")) {
      assertEquals(Instant.parse(text), Timestamps.parse(text), text);
    }
  }

  @Test
  void impossibleTimesAreRefusedAsByInstantParse() {
    for (String text : List.of("2023-02-29T00:00:00.000Z", "2026-13-01T00:00:00.000Z",
        "2026-01-31T08:60:00.000Z", "2026-01-31T08:00:60.000Z",
        "2026-01-3xT08:00:00.000Z", "2026-01-31 08:00:00.000Z", "2026-00-10T08:00:00.000Z")) {
      assertThrows(DateTimeParseException.class, () -> Timestamps.parse(text), text);
    }
  }
}
