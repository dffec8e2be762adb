package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.ids;
import static io.scimgateway.conformance.ScimJson.filter;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Index pages deep into a list of thousands of users with gaps where users were deleted: an unfiltered
 * page at any {@code startIndex} holds the same users, in the same order, as the same slice of the
 * list filtered to every user. The two take different ways through a SQL store (the filtered list
 * counts off its offset among matches; the unfiltered one skips in the pk index, on PostgreSQL in
 * counted blocks of 1,024 pks), so each checks the other, across block boundaries and deletions.
 * A remote platform pages on its own terms and each user costs it calls: a few hundred users do there.
 */
class DeepPagingTest {

  private static final int SQL_STORE_USERS = 2_100;
  private static final int PLATFORM_USERS = 420;
  private static final int PER_BULK = 700;
  private static final int PAGE = 50;

  @RegisterExtension
  final RunningGateway running = new RunningGateway();

  @Test
  void deepPagesAgreeWithTheFilteredListAcrossDeletions() {
    ScimSession scim = running.session();
    int users = ConformanceBackend.has(Capability.SQL_STORE) ? SQL_STORE_USERS : PLATFORM_USERS;
    List<String> created = new ArrayList<>();
    for (int first = 0; first < users; first += PER_BULK) {
      created.addAll(createInBulk(scim, first, Math.min(PER_BULK, users - first)));
    }
    List<String> deleted = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      if (i % 97 == 5 || (i >= users / 2 - 10 && i < users / 2 + 21)) {
        deleted.add(created.get(i));
      }
    }
    deleteInBulk(scim, deleted);
    created.addAll(createInBulk(scim, users, 40)); // after the gaps, at the end of creation order

    List<String> everyUser = filteredWalk(scim);
    int total = everyUser.size();
    Set<String> left = new HashSet<>(created);
    left.removeAll(deleted);
    Set<String> listed = new HashSet<>(everyUser);
    assertEquals(total, listed.size(), "no user listed twice");
    listed.retainAll(new HashSet<>(created));
    assertEquals(left, listed, "the filtered list holds every user left and no deleted one");
    List<Integer> startIndexes = new ArrayList<>(List.of(1, 2, total / 2, total - 3, total, total + 1,
        total + 500));
    IntStream.of(999, 1_000, 1_024, 1_025, 1_100, 1_500, 2_000, 2_048, 2_049)
        .filter(startIndex -> startIndex < total).forEach(startIndexes::add);
    for (int startIndex : startIndexes) {
      ScimResponse page = scim.get("/Users?attributes=id&count=" + PAGE + "&startIndex=" + startIndex);
      assertStatus(200, page);
      assertEquals(total, page.json().path("totalResults").asInt(), "totalResults at " + startIndex);
      List<String> expected = everyUser.subList(Math.min(startIndex - 1, total),
          Math.min(startIndex - 1 + PAGE, total));
      assertEquals(expected, ids(page), "the unfiltered page at startIndex=" + startIndex);
    }
  }

  /** Every user, in list order, through pages of the list filtered to users with a userName. */
  private static List<String> filteredWalk(ScimSession scim) {
    List<String> ids = new ArrayList<>();
    String query = "/Users" + filter("userName pr") + "&attributes=id&count=500&startIndex=";
    while (true) {
      ScimResponse page = scim.get(query + (ids.size() + 1));
      assertStatus(200, page);
      List<String> found = ids(page);
      ids.addAll(found);
      if (found.isEmpty() || ids.size() >= page.json().path("totalResults").asInt()) {
        return ids;
      }
    }
  }

  private static List<String> createInBulk(ScimSession scim, int first, int count) {
    ObjectNode request = ScimJson.bulkRequest();
    ArrayNode operations = ScimJson.operations(request);
    for (int i = first; i < first + count; i++) {
      operations.addObject().put("method", "POST").put("path", "/Users").put("bulkId", "d" + i)
          .set("data", ScimJson.minimalUser("deep" + i + "@example.com"));
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode operation : answeredOperations(scim, request, "201")) {
      String location = operation.path("location").asText();
      ids.add(location.substring(location.lastIndexOf('/') + 1));
    }
    return ids;
  }

  private static void deleteInBulk(ScimSession scim, List<String> ids) {
    ObjectNode request = ScimJson.bulkRequest();
    ArrayNode operations = ScimJson.operations(request);
    for (String id : ids) {
      operations.addObject().put("method", "DELETE").put("path", "/Users/" + id);
    }
    answeredOperations(scim, request, "204");
  }

  private static JsonNode answeredOperations(ScimSession scim, ObjectNode request, String status) {
    ScimResponse answer = scim.post("/Bulk", request);
    assertStatus(200, answer);
    for (JsonNode operation : answer.json().path("Operations")) {
      assertEquals(status, operation.path("status").asText(), operation::toString);
    }
    return answer.json().path("Operations");
  }
}
