package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.kit.local.LocalStateLocation;
import io.scimgateway.kit.local.PendingWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Local state on the tests' PostgreSQL server, as two gateways share it: records written through
 * one are read through the other by id, by page, by {@code externalId}, by a string attribute and
 * by a value in an array; a {@code userName} is held once without regard to case; and a gateway
 * finds its own unfinished notes of writes at start, and another's only once they are old enough
 * to be a crash's. Runs once, in the embedded store's run.
 */
@Tag("platform")
class LocalStateOnPostgresTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-12-05T08:00:00.123Z");

  @Test
  void twoGatewaysShareRecordsAndNames() throws Exception {
    LocalStateLocation.Server a = server("a");
    try (LocalState first = LocalState.open(a);
        LocalState second = LocalState.open(new LocalStateLocation.Server("postgres", a.section(),
            "b"))) {
      first.put("User", "u1", json("{\"userName\": \"Ada@Example.com\", \"externalId\": \"hr-1\","
          + " \"title\": \"Dr.\", \"nickName\": 7}"), NOW);
      first.put("Group", "g1", json("{\"nestedGroups\": [\"a\", \"b\", 3]}"), NOW);
      second.put("Group", "g2", json("{\"nestedGroups\": [\"b\"]}"), NOW);

      LocalRecord read = second.get("User", "u1").orElseThrow();
      assertEquals("Dr.", read.attributes().path("title").asText());
      assertEquals(NOW, read.created());
      assertEquals(List.of("u1"), second.idsWhere("User", "externalId", "hr-1"));
      assertEquals(List.of("u1"), second.idsWhere("User", "title", "Dr."));
      assertEquals(List.of(), second.idsWhere("User", "title", "dr."));
      assertEquals(List.of(), second.idsWhere("User", "nickName", "7"));
      assertEquals(List.of("u1"), second.idsWithUserName("User", "ADA@example.COM"));
      assertEquals(List.of("g1", "g2"), first.idsContaining("Group", "nestedGroups", "b"));
      assertEquals(List.of("g1"), first.idsContaining("Group", "nestedGroups", "a"));
      assertEquals(List.of(), first.idsContaining("Group", "nestedGroups", "3"));
      Map<String, LocalRecord> page = first.getAll("Group", List.of("g1", "g2", "g3"));
      assertEquals(2, page.size());

      assertThrows(LocalState.UserNameTaken.class, () -> second.put("User", "u2",
          json("{\"userName\": \"ada@example.com\"}"), NOW));
      second.delete("User", "u1");
      second.put("User", "u2", json("{\"userName\": \"ada@example.com\"}"), NOW);
      assertTrue(first.get("User", "u1").isEmpty());
    }
  }

  @Test
  void aGatewayRepairsItsOwnNotesAndOnlyAbandonedOnesOfOthers() throws Exception {
    LocalStateLocation.Server a = server("a");
    LocalStateLocation.Server b = new LocalStateLocation.Server("postgres", a.section(), "b");
    ObjectNode user = json("{\"userName\": \"grace@example.com\"}");
    Instant now = Instant.now();
    try (LocalState first = LocalState.open(a)) {
      first.pendingWrites().begin("User", PendingWrite.Operation.CREATE, null, user, now);
      first.pendingWrites().begin("User", PendingWrite.Operation.REPLACE, "u9", user,
          now.minus(Duration.ofMinutes(11)));
    }
    try (LocalState restartedFirst = LocalState.open(a); LocalState second = LocalState.open(b)) {
      assertEquals(2, restartedFirst.pendingWrites().all().size());
      List<PendingWrite> seenByOther = second.pendingWrites().all();
      assertEquals(1, seenByOther.size());
      assertEquals("u9", seenByOther.get(0).platformId());
    }
  }

  private static LocalStateLocation.Server server(String owner) {
    PostgresCluster cluster = PostgresCluster.get();
    return new LocalStateLocation.Server("postgres",
        PostgresPlatform.section(cluster, cluster.newDatabase("local_state_")), owner);
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }
}
