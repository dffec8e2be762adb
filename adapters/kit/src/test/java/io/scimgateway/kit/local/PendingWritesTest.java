package io.scimgateway.kit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notes of writes in flight, in a real local state file: they outlive a reopen until finished. */
class PendingWritesTest {

  private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00.250Z");

  @TempDir
  Path data;

  @Test
  void notesLeftUnfinishedAreFoundAfterReopeningOldestFirst() {
    Path file = data.resolve("local.db");
    ObjectNode user = JsonNodeFactory.instance.objectNode().put("userName", "ada@example.com");
    try (LocalState local = LocalState.open(file)) {
      PendingWrites notes = local.pendingWrites();
      long create = notes.begin("User", PendingWrite.Operation.CREATE, null, user, STARTED);
      long finished = notes.begin("User", PendingWrite.Operation.REPLACE, "u1", user, STARTED);
      notes.begin("Group", PendingWrite.Operation.DELETE, "g1", null, STARTED);
      notes.finish(finished);
      assertTrue(create < finished);
    }
    try (LocalState local = LocalState.open(file)) {
      List<PendingWrite> left = local.pendingWrites().all();
      assertEquals(2, left.size());
      PendingWrite create = left.get(0);
      assertEquals(PendingWrite.Operation.CREATE, create.operation());
      assertNull(create.platformId());
      assertEquals(user, create.attributes());
      assertEquals(STARTED, create.started());
      assertEquals("create of User ada@example.com begun at " + STARTED, create.describe());
      assertEquals("g1", left.get(1).platformId());
      assertNull(left.get(1).attributes());
      left.forEach(note -> local.pendingWrites().finish(note.id()));
      assertEquals(List.of(), local.pendingWrites().all());
    }
  }
}
