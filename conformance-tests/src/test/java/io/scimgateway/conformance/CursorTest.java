package io.scimgateway.conformance;

import static io.scimgateway.conformance.QueryFixtures.searchRequest;
import static io.scimgateway.conformance.ScimAssertions.assertAbsent;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.ids;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cursor pagination (RFC 9865) over the {@link QueryFixtures} data: starting with an empty cursor,
 * following nextCursor and previousCursor, cursors in .search bodies, stability while resources are
 * created and deleted, the maxResults cap, and refusal of cursors that were altered, forged, or issued
 * for another query.
 */
class CursorTest {

  @TempDir
  Path data;

  @RegisterExtension
  final RunningGateway running = RunningGateway.withQueryFixtures();

  private ScimSession scim;
  private QueryFixtures fixtures;

  @BeforeEach
  void start() {
    scim = running.session();
    fixtures = running.fixtures();
  }

  /** A page in cursor mode: 200, totalResults, itemsPerPage, no startIndex, nextCursor a string if any. */
  private static ScimResponse cursorPage(ScimResponse response, long totalResults) {
    assertStatus(200, response);
    JsonNode body = response.json();
    assertEquals(totalResults, body.path("totalResults").asLong(-1), () -> "totalResults: " + response);
    assertEquals(resources(response).size(), body.path("itemsPerPage").asInt(-1),
        () -> "itemsPerPage: " + response);
    assertAbsent(body, "startIndex");
    if (body.has("nextCursor")) {
      assertTrue(body.get("nextCursor").isTextual() && !body.get("nextCursor").asText().isEmpty(),
          () -> "nextCursor is a non-empty string: " + response);
    }
    return response;
  }

  private static String next(ScimResponse page) {
    return page.json().path("nextCursor").asText(null);
  }

  private static String previous(ScimResponse page) {
    return page.json().path("previousCursor").asText(null);
  }

  /** Starts cursor mode on {@code path + query} and follows nextCursor to the last page. */
  private List<String> walk(String path, String query, long totalResults) {
    List<String> seen = new ArrayList<>();
    ScimResponse page = cursorPage(scim.get(path + query + "&cursor="), totalResults);
    assertAbsent(page.json(), "previousCursor");
    for (int pages = 1; ; pages++) {
      seen.addAll(ids(page));
      String cursor = next(page);
      if (cursor == null) {
        return seen;
      }
      assertTrue(pages < 20, "nextCursor never ends");
      page = cursorPage(scim.get(path + query + "&cursor=" + q(cursor)), totalResults);
      assertTrue(previous(page) != null, () -> "pages after the first carry previousCursor");
    }
  }

  // ---------------------------------------------------------------- discovery and first page

  @Test
  void serviceProviderConfigAdvertisesCursorAndIndexPagination() {
    ScimResponse config = scim.get("/ServiceProviderConfig");

    assertStatus(200, config);
    JsonNode pagination = config.json().path("pagination");
    assertEquals(true, pagination.path("cursor").asBoolean(false), config::toString);
    assertEquals(true, pagination.path("index").asBoolean(false), config::toString);
    assertEquals("index", pagination.path("defaultPaginationMethod").asText(), config::toString);
    for (String field : List.of("defaultPageSize", "maxPageSize", "cursorTimeout")) {
      assertTrue(pagination.path(field).isInt() && pagination.path(field).asInt() > 0,
          () -> field + " is a positive integer: " + config);
    }
    assertTrue(pagination.path("defaultPageSize").asInt() <= pagination.path("maxPageSize").asInt(),
        config::toString);
  }

  @Test
  void emptyCursorStartsCursorPaginationAtTheFirstPage() {
    ScimResponse first = cursorPage(scim.get("/Users?cursor=&count=2"), 5);

    assertEquals(2, resources(first).size(), first::toString);
    assertAbsent(first.json(), "previousCursor");
    String cursor = next(first);
    assertTrue(cursor != null, () -> "a first page of several has nextCursor: " + first);
    assertFalse(cursor.trim().matches("-?\\d+"), () -> "a cursor is opaque, not an offset: " + cursor);
  }

  // ---------------------------------------------------------------- walking

  @Test
  void followingNextCursorVisitsEveryUserOnce() {
    List<String> walked = walk("/Users", "?count=2", 5);

    assertEquals(5, walked.size(), walked::toString);
    assertEquals(new HashSet<>(fixtures.ids(QueryFixtures.USERS)), new HashSet<>(walked));
  }

  @Test
  void followingNextCursorKeepsTheSortOrder() {
    assertEquals(fixtures.ids("alice", "bob", "carol", "dave", "eve"),
        walk("/Users", "?count=2&sortBy=userName", 5));
    assertEquals(fixtures.ids("bob", "eve", "alice", "dave", "carol"),
        walk("/Users", "?count=3&sortBy=name.familyName&sortOrder=descending", 5));
  }

  @Test
  void followingNextCursorOfAFilterVisitsEveryMatchOnce() {
    List<String> walked = walk("/Users", filter("emails pr") + "&count=3", 4);
    assertEquals(4, walked.size(), walked::toString);
    assertEquals(new HashSet<>(fixtures.ids("dave", "alice", "carol", "bob")), new HashSet<>(walked));

    List<String> groups = walk("/Groups", "?count=1", 4);
    assertEquals(new HashSet<>(fixtures.ids(QueryFixtures.GROUPS)), new HashSet<>(groups));
  }

  @Test
  void previousCursorReturnsExactlyThePreviousPage() {
    String query = "/Users?count=2&sortBy=userName&cursor=";
    ScimResponse first = cursorPage(scim.get(query), 5);
    ScimResponse second = cursorPage(scim.get(query + q(next(first))), 5);
    ScimResponse third = cursorPage(scim.get(query + q(next(second))), 5);
    assertEquals(fixtures.ids("eve"), ids(third));
    assertAbsent(third.json(), "nextCursor");

    ScimResponse backToSecond = cursorPage(scim.get(query + q(previous(third))), 5);
    assertEquals(ids(second), ids(backToSecond));
    ScimResponse backToFirst = cursorPage(scim.get(query + q(previous(backToSecond))), 5);
    assertEquals(fixtures.ids("alice", "bob"), ids(backToFirst));
    assertAbsent(backToFirst.json(), "previousCursor");
  }

  @Test
  void cursorInASearchBodyPagesTheSameWay() {
    ScimResponse first = cursorPage(scim.post("/Users/.search",
        searchRequest("emails pr").put("sortBy", "userName").put("count", 3).put("cursor", "")), 4);
    assertEquals(fixtures.ids("alice", "bob", "carol"), ids(first));

    ScimResponse second = cursorPage(scim.post("/Users/.search",
        searchRequest("emails pr").put("sortBy", "userName").put("count", 3)
            .put("cursor", next(first))), 4);
    assertEquals(fixtures.ids("dave"), ids(second));
    assertAbsent(second.json(), "nextCursor");
  }

  @Test
  void walkInSortOrderSurvivesCreationsAndDeletionsBetweenPages() {
    assertWalkSurvivesChanges("&sortBy=userName");
  }

  @Test
  void walkInDefaultOrderSurvivesCreationsAndDeletionsBetweenPages() {
    assertWalkSurvivesChanges("");
  }

  /**
   * Takes a first page of two, deletes one user seen and one not yet seen, creates another, and walks
   * on: every untouched unseen user comes once, nothing seen or deleted does. (An offset cursor would
   * skip one here: two users before its position are gone.)
   */
  private void assertWalkSurvivesChanges(String sort) {
    String query = "/Users?count=2" + sort + "&cursor=";
    ScimResponse first = cursorPage(scim.get(query), 5);
    List<String> seen = ids(first);
    List<String> unseen = new ArrayList<>(ids(scim.get("/Users?count=5" + sort)));
    unseen.removeAll(seen);
    assertStatus(204, scim.delete("/Users/" + seen.get(0)));
    assertStatus(204, scim.delete("/Users/" + unseen.remove(0)));
    String zed = scim.post("/Users", minimalUser("zed@example.com")).text("id");

    List<String> rest = new ArrayList<>();
    for (String cursor = next(first); cursor != null; ) {
      assertTrue(rest.size() < 20, "nextCursor never ends");
      ScimResponse page = scim.get(query + q(cursor));
      assertStatus(200, page);
      rest.addAll(ids(page));
      cursor = next(page);
    }
    assertEquals(rest.size(), new HashSet<>(rest).size(), () -> "duplicates: " + rest);
    rest.remove(zed); // created after the walk began: returning it or not are both correct
    if (sort.isEmpty()) {
      assertEquals(new HashSet<>(unseen), new HashSet<>(rest), "exactly the untouched unseen users");
    } else {
      assertEquals(unseen, rest, "exactly the untouched unseen users, in sort order");
    }
  }

  @Test
  void countIsClampedToMaxResults() {
    try (TestGateway small = TestGateway.start(QueryFixtures.withLimits(data.resolve("small"), 3, null),
        TestGateway.TOKEN)) {
      ScimSession limited = ScimSession.of(small);
      try {
        QueryFixtures.create(limited);
        ScimResponse first = cursorPage(limited.get("/Users?cursor=&count=50"), 5);
        assertEquals(3, resources(first).size(), first::toString);

        ScimResponse second = cursorPage(limited.get("/Users?count=50&cursor=" + q(next(first))), 5);
        assertEquals(2, resources(second).size(), second::toString);
        assertAbsent(second.json(), "nextCursor");
      } finally {
        limited.assertNoServerErrors();
      }
    }
  }

  // ---------------------------------------------------------------- refusals

  private String secondPageCursor(String query) {
    String cursor = next(cursorPage(scim.get("/Users" + query + "&cursor="), 5));
    assertTrue(cursor != null && cursor.length() > 1, () -> "a usable nextCursor: " + cursor);
    return cursor;
  }

  @Test
  void alteredOrMadeUpCursorIs400InvalidCursor() {
    String cursor = secondPageCursor("?count=2");
    int middle = cursor.length() / 2;
    char flipped = cursor.charAt(middle) == 'A' ? 'B' : 'A';
    String altered = cursor.substring(0, middle) + flipped + cursor.substring(middle + 1);

    List<String> bad =
        List.of(altered, cursor.substring(0, middle), cursor + "A", "not-a-cursor", "2", "eyJ9");
    for (String each : bad) {
      assertScimError(scim.get("/Users?count=2&cursor=" + q(each)), 400, "invalidCursor");
    }
    assertScimError(scim.post("/Users/.search", searchRequest().put("count", 2).put("cursor", altered)),
        400, "invalidCursor");
  }

  @Test
  void cursorIssuedForAnotherQueryIs400InvalidCursor() {
    String filtered = "?count=2&" + filter("emails pr").substring(1);
    String cursor = next(cursorPage(scim.get("/Users" + filtered + "&cursor="), 4));
    assertTrue(cursor != null, "a usable nextCursor");

    String otherFilter = "?count=2&" + filter("active pr").substring(1);
    assertScimError(scim.get("/Users" + otherFilter + "&cursor=" + q(cursor)), 400, "invalidCursor");
    assertScimError(scim.get("/Users?count=2&cursor=" + q(cursor)), 400, "invalidCursor");
    assertScimError(scim.get("/Users" + filtered + "&sortBy=userName&cursor=" + q(cursor)), 400,
        "invalidCursor");
    assertScimError(scim.get("/Groups" + filtered.replace("emails", "members") + "&cursor=" + q(cursor)),
        400, "invalidCursor");
  }

  @Test
  void cursorIssuedForAnotherSortIs400InvalidCursor() {
    String cursor = secondPageCursor("?count=2&sortBy=userName");

    assertScimError(scim.get("/Users?count=2&sortBy=displayName&cursor=" + q(cursor)), 400,
        "invalidCursor");
    assertScimError(scim.get("/Users?count=2&cursor=" + q(cursor)), 400, "invalidCursor");
  }

  @Test
  void cursorTogetherWithStartIndexIs400InvalidValue() {
    assertScimError(scim.get("/Users?cursor=&startIndex=1"), 400, "invalidValue");
    String cursor = secondPageCursor("?count=2");
    assertScimError(scim.get("/Users?count=2&startIndex=3&cursor=" + q(cursor)), 400, "invalidValue");
    assertScimError(scim.post("/Users/.search", searchRequest().put("cursor", "").put("startIndex", 2)),
        400, "invalidValue");
  }

  @Test
  void expiredCursorIs400ExpiredCursor() throws InterruptedException {
    GatewayConfig config = QueryFixtures.withCursorLifetime(data.resolve("short"), 1);
    try (TestGateway shortLived = TestGateway.start(config, TestGateway.TOKEN)) {
      ScimSession session = ScimSession.of(shortLived);
      try {
        QueryFixtures.create(session);
        String cursor = next(cursorPage(session.get("/Users?cursor=&count=2"), 5));
        Thread.sleep(1_100); // the cursor holds its expiry in whole seconds, at most 1 s from now

        assertScimError(session.get("/Users?count=2&cursor=" + q(cursor)), 400, "expiredCursor");
      } finally {
        session.assertNoServerErrors();
      }
    }
  }
}
