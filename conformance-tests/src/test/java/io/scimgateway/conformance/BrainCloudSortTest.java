package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sortBy} pushed down to brainCloud as {@code sortCriteria}: {@code meta.created} (and {@code id}) are one
 * sorted page query, offsets and cursors alike, with the packets counted; {@code displayName} is the gateway's sort
 * unless {@code sortByPlayerName} asks for brainCloud's (case-sensitive) order.
 */
@Tag("platform")
class BrainCloudSortTest {

  private static final String NAMES = "adam,Zed,bea,Carl,";

  @TempDir
  static Path data;
  private static BrainCloudGateway bc;
  /** The users in creation order, with the display names of {@link #NAMES} (the last has none). */
  private static List<String> created;

  @BeforeAll
  static void start() throws Exception {
    bc = BrainCloudGateway.start(data, section -> section);
    created = createUsers(bc);
  }

  @AfterAll
  static void stop() {
    bc.close();
  }

  private static List<String> createUsers(BrainCloudGateway gateway) throws InterruptedException {
    List<String> ids = new ArrayList<>();
    String[] names = NAMES.split(",", -1);
    for (int i = 0; i < names.length; i++) {
      ObjectNode user = minimalUser("sorted" + i);
      if (!names[i].isEmpty()) {
        user.put("displayName", names[i]);
      }
      ScimResponse response = gateway.scim.post("/Users", user);
      assertStatus(201, response);
      ids.add(response.text("id"));
      Thread.sleep(3); // distinct creation times
    }
    return ids;
  }

  /** The sortCriteria of the user page queries a SCIM call sends (a count alone has none). */
  private static List<JsonNode> sortsOf(BrainCloudGateway gateway, Runnable scimCall) {
    int before = gateway.emulator.messages().size();
    scimCall.run();
    List<ObjectNode> all = gateway.emulator.messages();
    return all.subList(before, all.size()).stream()
        .filter(message -> message.path("operation").asText().equals("SYS_GET_PAGE"))
        .map(message -> message.at("/data/context/sortCriteria")).filter(sort -> !sort.isMissingNode()).toList();
  }

  @Test
  void metaCreatedIsOneSortedPageQueryAscendingAndDescending() {
    List<JsonNode> sorts = sortsOf(bc, () -> assertEquals(2, bc.packetsOf(() -> assertEquals(created.subList(0, 3),
        ScimAssertions.ids(bc.scim.get("/Users?sortBy=meta.created&count=3"))))));
    assertEquals(List.of(ScimJson.parse("{\"createdAt\":1,\"profileId\":1}")), sorts);

    List<String> newestFirst = new ArrayList<>(created);
    Collections.reverse(newestFirst);
    sorts = sortsOf(bc, () -> assertEquals(2, bc.packetsOf(() -> assertEquals(newestFirst.subList(0, 3),
        ScimAssertions.ids(bc.scim.get("/Users?sortBy=meta.created&sortOrder=descending&count=3"))))));
    assertEquals(List.of(ScimJson.parse("{\"createdAt\":-1,\"profileId\":1}")), sorts);
  }

  @Test
  void cursorPagesFollowBrainCloudsSortTwoPacketsEach() {
    List<String> newestFirst = new ArrayList<>(created);
    Collections.reverse(newestFirst);
    List<String> seen = new ArrayList<>();
    String query = "/Users?sortBy=meta.created&sortOrder=descending&count=2&cursor=";
    String cursor = "";
    String lastPrevious = null;
    while (cursor != null) {
      String at = cursor;
      ScimResponse[] page = new ScimResponse[1];
      assertEquals(2, bc.packetsOf(() -> page[0] = bc.scim.get(query + at)));
      assertStatus(200, page[0]);
      assertEquals(created.size(), page[0].json().path("totalResults").asInt(), page[0]::toString);
      seen.addAll(ScimAssertions.ids(page[0]));
      lastPrevious = page[0].json().path("previousCursor").asText(null);
      cursor = page[0].json().path("nextCursor").asText(null);
    }
    assertEquals(newestFirst, seen);
    ScimResponse back = bc.scim.get(query + lastPrevious);
    assertEquals(newestFirst.subList(2, 4), ScimAssertions.ids(back), back::toString);
  }

  @Test
  void displayNameIsTheGatewaysSortIgnoringCaseUnlessConfigured() {
    List<JsonNode> sorts = sortsOf(bc, () -> assertEquals(List.of(created.get(0), created.get(2), created.get(3),
        created.get(1), created.get(4)), ScimAssertions.ids(bc.scim.get("/Users?sortBy=displayName"))));
    assertEquals(List.of(ScimJson.parse("{\"profileId\":1}")), sorts.stream().distinct().toList(),
        "brainCloud lists in profileId order, the gateway sorts");
  }

  @Test
  void withSortByPlayerNameDisplayNameIsBrainCloudsCaseSensitiveOrder(@TempDir Path own) throws Exception {
    try (BrainCloudGateway players = BrainCloudGateway.start(own, section -> section.put("sortByPlayerName", true))) {
      List<String> ids = createUsers(players);
      List<JsonNode> sorts = sortsOf(players, () -> assertEquals(2, players.packetsOf(() -> assertEquals(
          List.of(ids.get(4), ids.get(3), ids.get(1), ids.get(0), ids.get(2)),
          ScimAssertions.ids(players.scim.get("/Users?sortBy=displayName&count=10"))))));
      assertEquals(List.of(ScimJson.parse("{\"playerName\":1,\"createdAt\":1,\"profileId\":1}")), sorts);
      ScimResponse descending = players.scim.get("/Users?sortBy=displayName&sortOrder=descending&count=2");
      assertEquals(List.of(ids.get(2), ids.get(0)), ScimAssertions.ids(descending), descending::toString);
      assertNull(descending.json().get("nextCursor"));
    }
  }
}
