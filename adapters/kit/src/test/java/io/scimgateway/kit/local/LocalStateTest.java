package io.scimgateway.kit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local state in a real SQLite file: what goes in comes back, by id, by page and by externalId. */
class LocalStateTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FIRST = Instant.parse("2026-01-31T08:00:00.123Z");
  private static final Instant LATER = Instant.parse("2026-02-01T09:30:00.456Z");

  @TempDir
  Path data;

  private Path file;
  private LocalState local;

  @BeforeEach
  void open() {
    file = data.resolve("state/appwrite-local.db");
    local = LocalState.open(file);
  }

  @AfterEach
  void close() {
    local.close();
  }

  @Test
  void nestedAttributesComeBackAsWritten() throws Exception {
    ObjectNode written = json("""
        {"externalId": "00u1ab",
         "name": {"givenName": "Zoë", "familyName": "Ødegaard", "honorificPrefix": "Dr."},
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
           {"employeeNumber": "701984", "manager": {"value": "64f1c2", "displayName": "Ann"}},
         "roles": [{"value": "admin", "primary": true}, {"value": "auditor", "type": "work"}]}
        """);
    LocalRecord stored = local.put("User", "64f1d3", written, FIRST);

    LocalRecord read = local.get("User", "64f1d3").orElseThrow();
    assertEquals(written, read.attributes());
    assertEquals(stored, read);
    assertEquals(new LocalRecord("64f1d3", written, FIRST, FIRST), read);
  }

  @Test
  void aSecondPutReplacesTheAttributesAndKeepsCreated() throws Exception {
    local.put("User", "u1", json("{\"externalId\": \"e1\", \"title\": \"Engineer\"}"), FIRST);
    LocalRecord updated = local.put("User", "u1", json("{\"externalId\": \"e2\"}"), LATER);

    assertEquals(new LocalRecord("u1", json("{\"externalId\": \"e2\"}"), FIRST, LATER), updated);
    assertEquals(updated, local.get("User", "u1").orElseThrow());
  }

  @Test
  void aUserNameIsFoundAndHeldOnceWithoutRegardToCase() throws Exception {
    local.put("User", "u1", json("{\"userName\": \"Zoë.Jdoe\"}"), FIRST);
    local.put("Group", "g1", json("{\"userName\": \"zoë.jdoe\"}"), FIRST);

    assertEquals(List.of("u1"), local.idsWithUserName("User", "ZOË.JDOE"));
    assertThrows(LocalState.UserNameTaken.class,
        () -> local.put("User", "u2", json("{\"userName\": \"zoë.JDOE\"}"), LATER));
    assertEquals(List.of(), local.idsWithUserName("User", "someone"));

    local.put("User", "u1", json("{\"userName\": \"jdoe\"}"), LATER);
    local.put("User", "u2", json("{\"userName\": \"Zoë.Jdoe\"}"), LATER);
    assertEquals(List.of("u2"), local.idsWithUserName("User", "zoë.jdoe"));
    local.delete("User", "u2");
    assertEquals(List.of(), local.idsWithUserName("User", "zoë.jdoe"));
  }

  @Test
  void timesAreKeptToTheMillisecond() throws Exception {
    Instant withNanos = Instant.parse("2026-01-31T08:00:00.123456789Z");
    LocalRecord stored = local.put("User", "u1", json("{}"), withNanos);
    assertEquals(FIRST, stored.created());
    assertEquals(FIRST, local.get("User", "u1").orElseThrow().lastModified());
  }

  @Test
  void recordsAreKeptPerResourceType() throws Exception {
    local.put("User", "same-id", json("{\"externalId\": \"user\"}"), FIRST);
    local.put("Group", "same-id", json("{\"externalId\": \"group\"}"), FIRST);

    assertEquals("user", externalId(local.get("User", "same-id").orElseThrow()));
    assertEquals("group", externalId(local.get("Group", "same-id").orElseThrow()));
  }

  @Test
  void aPageOfIdsBeyondTheParameterLimitIsReadAtOnce() throws Exception {
    List<String> ids = IntStream.range(0, 1_500).mapToObj(i -> "u" + i).toList();
    for (String id : ids) {
      local.put("User", id, json("{\"externalId\": \"x-" + id + "\"}"), FIRST);
    }
    local.put("Group", "u7", json("{}"), FIRST);
    List<String> asked = new ArrayList<>(ids);
    asked.add("never-stored");

    Map<String, LocalRecord> found = local.getAll("User", asked);

    assertEquals(1_500, found.size());
    for (String id : ids) {
      assertEquals("x-" + id, externalId(found.get(id)));
    }
    assertFalse(found.containsKey("never-stored"));
    assertEquals(Map.of(), local.getAll("User", List.of()));
  }

  @Test
  void idsWhereMatchesExactlyAndWithCase() throws Exception {
    local.put("User", "u1", json("{\"externalId\": \"Abc\", \"nickName\": \"Bo\"}"), FIRST);
    local.put("User", "u2", json("{\"externalId\": \"abc\"}"), FIRST);
    local.put("User", "u3", json("{\"externalId\": \"Abc\"}"), FIRST);
    local.put("Group", "g1", json("{\"externalId\": \"Abc\"}"), FIRST);

    assertEquals(List.of("u1", "u3"), local.idsWhere("User", "externalId", "Abc"));
    assertEquals(List.of("u2"), local.idsWhere("User", "externalId", "abc"));
    assertEquals(List.of(), local.idsWhere("User", "externalId", "ABC"));
    assertEquals(List.of(), local.idsWhere("User", "externalId", "Ab"));
    assertEquals(List.of("g1"), local.idsWhere("Group", "externalId", "Abc"));
    assertEquals(List.of("u1"), local.idsWhere("User", "nickName", "Bo"));
    assertEquals(List.of(), local.idsWhere("User", "nickName", "bo"));
  }

  @Test
  void idsContainingFindsAStringInAnArray() throws Exception {
    local.put("Group", "g1", json("{\"nestedGroups\": [\"a\", \"b\"]}"), FIRST);
    local.put("Group", "g2", json("{\"nestedGroups\": [\"b\"]}"), FIRST);
    local.put("Group", "g3", json("{\"nestedGroups\": \"b\", \"other\": [\"b\"]}"), FIRST);
    local.put("User", "u1", json("{\"nestedGroups\": [\"b\"]}"), FIRST);

    assertEquals(List.of("g1", "g2"), local.idsContaining("Group", "nestedGroups", "b"));
    assertEquals(List.of("g1"), local.idsContaining("Group", "nestedGroups", "a"));
    assertEquals(List.of(), local.idsContaining("Group", "nestedGroups", "B"));
    assertThrows(IllegalArgumentException.class,
        () -> local.idsContaining("Group", "x') OR 1 --", "b"));
  }

  @Test
  void idsWhereMatchesOnlyStrings() throws Exception {
    local.put("User", "u1",
        json("{\"active\": true, \"name\": {\"givenName\": \"Bo\"}, \"count\": 5}"), FIRST);

    assertEquals(List.of(), local.idsWhere("User", "count", "5"));
    assertEquals(List.of(), local.idsWhere("User", "active", "1"));
    assertEquals(List.of(), local.idsWhere("User", "name", "{\"givenName\":\"Bo\"}"));
    assertThrows(IllegalArgumentException.class,
        () -> local.idsWhere("User", "name.givenName", "Bo"));
    assertThrows(IllegalArgumentException.class,
        () -> local.idsWhere("User", "x') OR 1 --", "Bo"));
  }

  @Test
  void externalIdIsLookedUpInAnIndex() throws Exception {
    String externalId = plan("externalId");
    assertTrue(externalId.contains("INDEX local_records_external_id"), externalId);
    assertFalse(plan("displayName").contains("local_records_external_id"), plan("displayName"));
  }

  @Test
  void deleteForgetsOneRecord() throws Exception {
    local.put("User", "u1", json("{\"externalId\": \"e1\"}"), FIRST);
    local.put("Group", "u1", json("{\"externalId\": \"e1\"}"), FIRST);

    local.delete("User", "u1");
    local.delete("User", "never-stored");

    assertTrue(local.get("User", "u1").isEmpty());
    assertEquals(List.of(), local.idsWhere("User", "externalId", "e1"));
    assertTrue(local.get("Group", "u1").isPresent());
  }

  @Test
  void reopeningTheFileKeepsTheRecords() throws Exception {
    LocalRecord stored = local.put("User", "u1", json("{\"externalId\": \"e1\"}"), FIRST);
    local.close();

    local = LocalState.open(file);

    assertEquals(stored, local.get("User", "u1").orElseThrow());
    assertEquals(List.of("u1"), local.idsWhere("User", "externalId", "e1"));
  }

  @Test
  void concurrentPutsToDifferentIdsAllLand() throws Exception {
    int threads = 8;
    int perThread = 25;
    ExecutorService writers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(writers.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            String id = "t" + thread + "-" + i;
            local.put("User", id, JSON.createObjectNode().put("externalId", id), FIRST);
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      writers.shutdownNow();
    }
    List<String> ids = IntStream.range(0, threads).boxed()
        .flatMap(t -> IntStream.range(0, perThread).mapToObj(i -> "t" + t + "-" + i)).toList();
    Map<String, LocalRecord> found = local.getAll("User", ids);
    assertEquals(threads * perThread, found.size());
    ids.forEach(id -> assertEquals(id, externalId(found.get(id))));
  }

  private String plan(String attribute) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement statement =
            connection.prepareStatement("EXPLAIN QUERY PLAN " + local.idsWhereSql(attribute))) {
      statement.setString(1, "User");
      statement.setString(2, "x");
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString("detail")).append('\n');
        }
      }
    }
    return plan.toString();
  }

  private static String externalId(LocalRecord record) {
    return record.attributes().get("externalId").asText();
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }
}
