package io.scimgateway.spaceone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpaceoneUserIdsTest {

  @Test
  void anIdNamesItsUserIdAndCreationAndIsNeverReassigned() {
    String id = SpaceoneUserIds.of("ada@example.com", "2026-12-04T15:00:00.123Z");
    assertTrue(id.matches("[A-Za-z0-9_-]+\\.[0-9a-z]+"), id);
    SpaceoneUserIds.Key key = SpaceoneUserIds.parse(id).orElseThrow();
    assertEquals("ada@example.com", key.userId());
    assertTrue(SpaceoneUserIds.names(key, "ada@example.com", "2026-12-04T15:00:00.123Z"));
    assertFalse(SpaceoneUserIds.names(key, "ada@example.com", "2026-12-04T15:00:01.000Z"), "made again");
    assertNotEquals(id, SpaceoneUserIds.of("ada@example.com", "2026-12-04T15:00:01Z"));
    assertTrue(SpaceoneUserIds.parse("not an id").isEmpty());
    assertTrue(SpaceoneUserIds.parse("***.abc").isEmpty());
  }
}
