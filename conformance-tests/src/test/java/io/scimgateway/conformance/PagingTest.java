package io.scimgateway.conformance;

import static io.scimgateway.conformance.QueryFixtures.assertFoundInOrder;
import static io.scimgateway.conformance.QueryFixtures.searchRequest;
import static io.scimgateway.conformance.ScimAssertions.assertListResponse;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.ids;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimJson.filter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index paging (RFC 7644 section 3.4.2.4) over the {@link QueryFixtures} data: 1-based startIndex,
 * out-of-range values, count 0, the server's maxResults cap, and walks that visit every resource once.
 */
class PagingTest {

  @TempDir
  Path data;

  @RegisterExtension
  final RunningGateway running = RunningGateway.withQueryFixtures();

  private ScimSession scim;
  private QueryFixtures fixtures;
  /** The users in the order an unpaged list returns them. */
  private List<String> all;

  @BeforeEach
  void start() {
    scim = running.session();
    fixtures = running.fixtures();
    all = ids(scim.get("/Users"));
  }

  @Test
  void startIndexIsOneBased() {
    assertEquals(new HashSet<>(fixtures.ids(QueryFixtures.USERS)), new HashSet<>(all));

    ScimResponse page = scim.get("/Users?startIndex=2&count=2");

    assertListResponse(page, 5, 2, 2);
    assertEquals(all.subList(1, 3), ids(page));
  }

  @Test
  void startIndexBelowOneIsTreatedAsOne() {
    ScimResponse page = scim.get("/Users?startIndex=-3&count=2");
    assertListResponse(page, 5, 2, 1);
    assertEquals(all.subList(0, 2), ids(page));

    ScimResponse searched =
        scim.post("/Users/.search", searchRequest().put("startIndex", 0).put("count", 2));
    assertListResponse(searched, 5, 2, 1);
    assertEquals(all.subList(0, 2), ids(searched));
  }

  @Test
  void countZeroReturnsTheTotalAndNoResources() {
    assertOnlyTotal(scim.get("/Users?count=0"), 5);
    assertOnlyTotal(scim.get("/Users" + filter("active eq true") + "&count=0"), 2);
    assertOnlyTotal(scim.post("/Users/.search", searchRequest("emails pr").put("count", 0)), 4);
    assertOnlyTotal(scim.get("/Groups?count=0"), 4);
  }

  @Test
  void negativeCountIsTreatedAsZero() {
    assertOnlyTotal(scim.get("/Users?count=-1"), 5);
    assertOnlyTotal(scim.post("/Users/.search", searchRequest().put("count", -10)), 5);
  }

  private static void assertOnlyTotal(ScimResponse response, int total) {
    assertStatus(200, response);
    assertEquals(total, response.json().path("totalResults").asInt(-1), response::toString);
    assertEquals(0, response.json().path("itemsPerPage").asInt(-1), response::toString);
    assertFalse(response.json().has("Resources"), () -> "count=0 returns no Resources: " + response);
  }

  @Test
  void startIndexPastTheEndIsAnEmptyPageWithTheTotal() {
    ScimResponse page = scim.get("/Users?startIndex=50&count=10");

    assertListResponse(page, 5, 0, 50);
    ScimResponse searched = scim.post("/Users/.search", searchRequest("emails pr").put("startIndex", 5));
    assertListResponse(searched, 4, 0, 5);
  }

  @Test
  void lastPartialPageHasItemsPerPageEqualToItsSize() {
    ScimResponse page = scim.get("/Users?startIndex=4&count=3");

    assertListResponse(page, 5, 2, 4);
    assertEquals(all.subList(3, 5), ids(page));
  }

  @Test
  void nonIntegerStartIndexOrCountInTheQueryIs400InvalidValue() {
    for (String query : List.of("startIndex=abc", "count=abc", "startIndex=1.5", "count=2.0", "count=1e2")) {
      assertScimError(scim.get("/Users?" + query), 400, "invalidValue");
    }
  }

  @Test
  void nonIntegerStartIndexOrCountInASearchBodyIs400() {
    List<ObjectNode> bodies = List.of(
        searchRequest().put("startIndex", "two"),
        searchRequest().put("count", "many"),
        searchRequest().put("startIndex", true),
        searchRequest().put("count", 2.5));
    for (ObjectNode body : bodies) {
      // A JSON type the SearchRequest schema does not allow is also "invalidSyntax" (RFC 7644 3.12).
      assertScimError(scim.post("/Users/.search", body), 400, "invalidValue", "invalidSyntax");
    }
  }

  // ---------------------------------------------------------------- walking pages

  /** Follows startIndex from 1 with {@code count} until totalResults; fails on a page in error. */
  private static List<String> walk(int count, IntFunction<ScimResponse> page) {
    List<String> seen = new ArrayList<>();
    int startIndex = 1;
    long total;
    do {
      ScimResponse response = page.apply(startIndex);
      assertStatus(200, response);
      total = response.json().path("totalResults").asLong();
      assertEquals(startIndex, response.json().path("startIndex").asInt(), response::toString);
      assertEquals(resources(response).size(), response.json().path("itemsPerPage").asInt(-1),
          response::toString);
      assertFalse(resources(response).size() > count, response::toString);
      seen.addAll(ids(response));
      startIndex += count;
    } while (startIndex <= total);
    return seen;
  }

  @Test
  void walkingUsersInPagesOfTwoVisitsEveryUserOnceInOrder() {
    List<String> walked = walk(2, start -> scim.get("/Users?count=2&startIndex=" + start));

    assertEquals(all, walked);
  }

  @Test
  void walkingAFilteredSearchVisitsEveryMatchOnce() {
    List<String> walked = walk(1, start ->
        scim.post("/Users/.search", searchRequest("emails pr").put("startIndex", start).put("count", 1)));

    assertEquals(walked.size(), new HashSet<>(walked).size(), walked::toString);
    assertEquals(new HashSet<>(fixtures.ids("dave", "alice", "carol", "bob")), new HashSet<>(walked));
  }

  @Test
  void walkingGroupsVisitsEveryGroupOnce() {
    List<String> walked = walk(3, start -> scim.get("/Groups?count=3&startIndex=" + start));

    assertEquals(walked.size(), new HashSet<>(walked).size(), walked::toString);
    assertEquals(new HashSet<>(fixtures.ids(QueryFixtures.GROUPS)), new HashSet<>(walked));
  }

  // ---------------------------------------------------------------- the server's maximum

  @Test
  void countAboveMaxResultsReturnsAtMostMaxResults() {
    try (TestGateway small = TestGateway.start(QueryFixtures.withLimits(data.resolve("small"), 3, null),
        TestGateway.TOKEN)) {
      ScimSession limited = ScimSession.of(small);
      try {
        QueryFixtures.create(limited);
        ScimResponse config = limited.get("/ServiceProviderConfig");
        assertEquals(3, config.json().path("filter").path("maxResults").asInt(), config::toString);

        List<String> everyone = new ArrayList<>();
        everyone.addAll(ids(limited.get("/Users?count=3")));
        everyone.addAll(ids(limited.get("/Users?count=3&startIndex=4")));

        assertListResponse(limited.get("/Users?count=10"), 5, 3, 1);
        assertListResponse(limited.get("/Users"), 5, 3, 1);
        assertFoundInOrder(limited.get("/Users?startIndex=2&count=1000"), everyone.subList(1, 4), "capped");
        assertListResponse(limited.post("/Users/.search", searchRequest().put("count", 100)), 5, 3, 1);
        assertListResponse(limited.get("/Users?startIndex=4&count=10"), 5, 2, 4);
      } finally {
        limited.assertNoServerErrors();
      }
    }
  }
}
