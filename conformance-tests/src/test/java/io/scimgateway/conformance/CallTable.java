package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.ids;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimJson.array;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.object;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The requests whose platform calls are held to a goal, as identity providers send them (no
 * {@code attributes}), run on a {@link SeededPlatform}; each answer is checked to be what was asked
 * for. A backend that reads a user's {@code groups}, {@code roles} or {@code entitlements} with calls of
 * its own serves them returned on request, so only the row that names {@code groups} reads them. The
 * user looked up is a seeded one.
 */
final class CallTable {

  /** A request and the most platform calls it should cost (the PATCH: plus the platform's fewest adds). */
  enum Row {
    LOOKUP("GET /Users?filter=userName eq \"x\"", 1),
    PAGE("GET /Users?count=100", 2),
    PAGE_OF_NAMES("GET /Users?count=100&attributes=userName", 2),
    ONE_USER("GET /Users/{id}?attributes=userName,groups", 3),
    ADD_100_MEMBERS("PATCH /Groups/{id} adding 100 members", 3);

    final String request;
    final int goal;

    Row(String request, int goal) {
      this.request = request;
      this.goal = goal;
    }
  }

  /** The fewest calls each platform needs to add 100 members: Appwrite adds one membership a call. */
  static final Map<String, Integer> FEWEST_FOR_100_ADDS = Map.of("appwrite", 100, "zidentity", 1,
      "spaceone", 1, "braincloud", 1);

  private CallTable() {
  }

  /** The goal of {@code row} on {@code platform}. */
  static int goal(Row row, String platform) {
    return row == Row.ADD_100_MEMBERS ? row.goal + FEWEST_FOR_100_ADDS.get(platform) : row.goal;
  }

  /**
   * Runs every row once on {@code platform}, after a request that makes the tokens and sessions a
   * gateway makes once for many requests; the user ids of the first page are in {@code firstPage}.
   */
  static Map<Row, SeededPlatform.Calls> run(SeededPlatform platform, List<String> firstPage) {
    ScimSession scim = platform.scim();
    for (int i = 0; i < 4; i++) {
      assertEquals(200, scim.get("/Users?count=1&attributes=userName").status());
    }
    Map<Row, SeededPlatform.Calls> calls = new EnumMap<>(Row.class);
    String wanted = SeededPlatform.userName(500);
    ScimResponse found = counted(platform, calls, Row.LOOKUP,
        () -> scim.get("/Users?filter=" + q("userName eq \"" + wanted + "\"")));
    assertEquals(wanted, resources(found).get(0).path("userName").asText(), found::toString);
    // A group before the pages, as a platform in use has: pages read its memberships.
    String member = resources(found).get(0).path("id").asText();
    String groupId = scim.post("/Groups", group("Callers", member)).text("id");

    ScimResponse page = counted(platform, calls, Row.PAGE, () -> scim.get("/Users?count=100"));
    List<String> ids = ids(page);
    assertEquals(100, ids.size(), page::toString);
    firstPage.addAll(ids);
    ScimResponse names = counted(platform, calls, Row.PAGE_OF_NAMES,
        () -> scim.get("/Users?count=100&attributes=userName"));
    assertEquals(100, resources(names).size(), names::toString);

    ScimResponse one = counted(platform, calls, Row.ONE_USER,
        () -> scim.get("/Users/" + member + "?attributes=userName,groups"));
    JsonNode groups = one.json().path("groups");
    assertEquals(groupId, groups.path(0).path("value").asText(), platform.name() + ": " + groups);

    String emptyId = scim.post("/Groups", group("Added")).text("id");
    ArrayNode members = array();
    ids.forEach(id -> members.add(object().put("value", id)));
    ScimResponse added = counted(platform, calls, Row.ADD_100_MEMBERS,
        () -> scim.patch("/Groups/" + emptyId, patch(op("add", "members", members))));
    assertEquals(204, added.status(), added::toString);
    assertEquals(100, scim.get("/Groups/" + emptyId).json().path("members").size(),
        platform.name() + ": the group holds the 100 added");
    return calls;
  }

  private static ScimResponse counted(SeededPlatform platform, Map<Row, SeededPlatform.Calls> calls,
      Row row, Supplier<ScimResponse> request) {
    ScimResponse[] response = new ScimResponse[1];
    calls.put(row, platform.callsOf(() -> response[0] = request.get()));
    assertTrue(response[0].status() < 300, response[0]::toString);
    return response[0];
  }
}
