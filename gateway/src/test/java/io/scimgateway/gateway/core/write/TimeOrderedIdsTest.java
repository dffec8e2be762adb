package io.scimgateway.gateway.core.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void anIdIsAVersion7UuidThatStartsWithItsTime() {
    long millis = 1_764_892_800_123L;
    UUID id = TimeOrderedIds.of(millis, ThreadLocalRandom.current());
    assertEquals(7, id.version());
    assertEquals(2, id.variant());
    assertEquals(millis, id.getMostSignificantBits() >>> 16);
    assertEquals(String.format("%012x", millis), id.toString().replace("-", "").substring(0, 12));
  }

  @Test
  void laterIdsSortLaterAndNoneRepeats() {
    String earlier = TimeOrderedIds.of(1_000_000L, ThreadLocalRandom.current()).toString();
    String later = TimeOrderedIds.of(1_000_001L, ThreadLocalRandom.current()).toString();
    assertTrue(earlier.compareTo(later) < 0, earlier + " sorts after " + later);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertTrue(seen.add(TimeOrderedIds.next()), "an id repeated");
    }
  }
}
