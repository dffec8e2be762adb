package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code countUsers: false}, for apps too large for brainCloud to count: pages go with {@code doCount: false}, whose
 * {@code count} brainCloud leaves untrustworthy (the emulator answers 0), and {@code totalResults} says what the
 * pages showed: the users up to the end of the page, plus one when brainCloud has more. Cursor paging still walks
 * every user once; on its pages
 * {@code totalResults} counts from the cursor's position (the users read, plus one when there are more). Past the
 * last page brainCloud counts once, so a search across types still finds the groups after the users.
 */
@Tag("platform")
class BrainCloudCountingTest {

  private static final int USERS = 5;

  @TempDir
  static Path data;
  private static BrainCloudGateway bc;
  private static List<String> created = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    bc = BrainCloudGateway.start(data, section -> section.put("countUsers", false));
    for (int i = 0; i < USERS; i++) {
      ScimResponse response = bc.scim.post("/Users", minimalUser("uncounted" + i));
      assertStatus(201, response);
      created.add(response.text("id"));
    }
  }

  @AfterAll
  static void stop() {
    bc.close();
  }

  private static int total(String query) {
    ScimResponse response = bc.scim.get("/Users" + query);
    assertStatus(200, response);
    return response.json().path("totalResults").asInt(-1);
  }

  @Test
  void pagesAreNotCountedAndTotalResultsIsWhatThePagesShowed() {
    int before = bc.emulator.messages().size();
    assertEquals(3, total("?count=2"), "two users seen, and brainCloud has more");
    assertEquals(5, total("?count=2&startIndex=5"), "the last page: every user up to its end");
    assertEquals(5, total("?count=10"), "one page holds them all");
    assertEquals(5, total("?count=3&startIndex=2"), "a window across two pages: both read, none after");
    List<ObjectNode> messages = bc.emulator.messages();
    assertFalse(messages.subList(before, messages.size()).stream()
        .filter(message -> message.path("operation").asText().equals("SYS_GET_PAGE"))
        .anyMatch(message -> message.at("/data/context/pagination/doCount").asBoolean(true)),
        "no page asked brainCloud to count");
  }

  @Test
  void aPageBeyondTheLastIsCountedOnceSinceNothingReadTellsTheTotal() {
    int before = bc.emulator.messages().size();
    assertEquals(USERS, total("?count=2&startIndex=11"));
    List<ObjectNode> messages = bc.emulator.messages();
    assertEquals(1, messages.subList(before, messages.size()).stream()
        .filter(message -> message.at("/data/context/pagination/doCount").asBoolean(false)).count());
  }

  @Test
  void aSearchAcrossTypesFindsTheGroupsAfterTheUsers() {
    ScimResponse group = bc.scim.post("/Groups", ScimJson.group("After the users"));
    assertStatus(201, group);
    ScimResponse found = bc.scim.post("/.search", QueryFixtures.searchRequest().put("startIndex", USERS + 1)
        .put("count", 5));
    assertStatus(200, found);
    assertEquals(List.of(group.text("id")), ScimAssertions.ids(found), found::toString);
    assertEquals(USERS + 1, found.json().path("totalResults").asInt(), found::toString);
  }

  @Test
  void cursorPagingWalksEveryUserOnceWithOnePageQueryPerPage() {
    List<String> seen = new ArrayList<>();
    String cursor = "";
    while (cursor != null) {
      String at = cursor;
      ScimResponse[] page = new ScimResponse[1];
      assertEquals(2, bc.packetsOf(() -> page[0] = bc.scim.get("/Users?count=2&cursor=" + at)));
      assertStatus(200, page[0]);
      List<String> ids = ScimAssertions.ids(page[0]);
      int total = page[0].json().path("totalResults").asInt();
      boolean more = page[0].json().has("nextCursor");
      assertTrue(total >= ids.size() + (more ? 1 : 0) && total <= USERS, page[0]::toString);
      seen.addAll(ids);
      cursor = page[0].json().path("nextCursor").asText(null);
    }
    assertEquals(USERS, seen.size());
    assertEquals(new HashSet<>(created), new HashSet<>(seen));
  }
}
