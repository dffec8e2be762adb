package io.scimgateway.conformance;

import static io.scimgateway.conformance.QueryFixtures.assertFoundInOrder;
import static io.scimgateway.conformance.QueryFixtures.searchRequest;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.ENTERPRISE;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.q;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * sortBy and sortOrder (RFC 7644 section 3.4.2.3) over the {@link QueryFixtures} data: strings by their
 * caseExact characteristic, sub-attributes, extension attributes and meta dates; resources without a
 * value last when ascending and first when descending; ties in creation order; sorting combined with
 * filtering and paging; and refusal of what cannot be sorted.
 */
class SortTest {

  @RegisterExtension
  final RunningGateway running = RunningGateway.withQueryFixtures();

  private ScimSession scim;
  private QueryFixtures fixtures;

  @BeforeEach
  void start() {
    scim = running.session();
    fixtures = running.fixtures();
  }

  /** GET {@code endpoint?sortBy=...[&sortOrder=...]} and the same .search return {@code keys} in order. */
  private void assertSorted(String endpoint, String sortBy, String sortOrder, String... keys) {
    List<String> expected = fixtures.ids(keys);
    String query = "?sortBy=" + q(sortBy) + (sortOrder == null ? "" : "&sortOrder=" + q(sortOrder));
    assertFoundInOrder(scim.get(endpoint + query), expected, "GET " + endpoint + query);
    ObjectNode body = searchRequest().put("sortBy", sortBy);
    if (sortOrder != null) {
      body.put("sortOrder", sortOrder);
    }
    assertFoundInOrder(scim.post(endpoint + "/.search", body), expected, "POST .search " + body);
  }

  @Test
  void serviceProviderConfigAdvertisesSorting() {
    ScimResponse config = scim.get("/ServiceProviderConfig");

    assertStatus(200, config);
    assertEquals(true, config.json().path("sort").path("supported").asBoolean(false), config::toString);
  }

  // ---------------------------------------------------------------- strings

  @Test
  void userNameSortsAscendingByDefaultIgnoringCase() {
    // Case-sensitively "Dave.Brown@..." would come first.
    assertSorted("/Users", "userName", null, "alice", "bob", "carol", "dave", "eve");
    assertSorted("/Users", "userName", "ascending", "alice", "bob", "carol", "dave", "eve");
  }

  @Test
  void userNameSortsDescending() {
    assertSorted("/Users", "userName", "descending", "eve", "dave", "carol", "bob", "alice");
  }

  @Test
  void sortOrderValuesIgnoreCase() {
    assertSorted("/Users", "userName", "DESCENDING", "eve", "dave", "carol", "bob", "alice");
    assertSorted("/Users", "userName", "Ascending", "alice", "bob", "carol", "dave", "eve");
  }

  @Test
  void caseExactAttributeSortsCaseSensitively() {
    // "ABC" < "Abd" < "abc" in Unicode order; ignoring case "abc" and "ABC" would tie before "Abd".
    assertSorted("/Users", "externalId", "ascending", "dave", "bob", "alice", "carol", "eve");
  }

  @Test
  void sortByAttributeNameIgnoresCase() {
    assertSorted("/Users", "USERNAME", null, "alice", "bob", "carol", "dave", "eve");
    assertSorted("/Users", "Name.FamilyName", null, "carol", "dave", "alice", "bob", "eve");
  }

  // ---------------------------------------------------------------- missing values and ties

  @Test
  void subAttributeSortPutsResourcesWithoutAValueLastWhenAscending() {
    // Adams, brown, Smith; bob and eve have no familyName.
    assertSorted("/Users", "name.familyName", "ascending", "carol", "dave", "alice", "bob", "eve");
  }

  @Test
  void subAttributeSortPutsResourcesWithoutAValueFirstWhenDescending() {
    assertSorted("/Users", "name.familyName", "descending", "bob", "eve", "alice", "dave", "carol");
  }

  @Test
  void extensionAttributeSortsByFullUrnPath() {
    assertSorted("/Users", ENTERPRISE + ":employeeNumber", null, "alice", "carol", "dave", "bob", "eve");
    assertSorted("/Users", ENTERPRISE + ":employeeNumber", "descending",
        "bob", "eve", "dave", "carol", "alice");
  }

  @Test
  void tiesKeepCreationOrderInBothDirections() {
    // alice and carol are both in "Engineering" (alice created first); bob and eve have no department.
    assertSorted("/Users", ENTERPRISE + ":department", "ascending", "alice", "carol", "dave", "bob", "eve");
    assertSorted("/Users", ENTERPRISE + ":department", "descending", "bob", "eve", "dave", "alice", "carol");
  }

  // ---------------------------------------------------------------- dates and groups

  @Test
  void metaCreatedSortsInCreationOrder() {
    assertSorted("/Users", "meta.created", null, "dave", "alice", "carol", "bob", "eve");
    assertSorted("/Users", "meta.created", "descending", "eve", "bob", "carol", "alice", "dave");
  }

  @Test
  void metaLastModifiedSortsByTheLatestChange() {
    QueryFixtures.pause();
    assertStatus(200, scim.patch("/Users/" + fixtures.id("carol"),
        patch(op("replace", "nickName", ScimJson.parse("\"Caz\"")))));
    QueryFixtures.pause();
    assertStatus(200, scim.patch("/Users/" + fixtures.id("dave"),
        patch(op("replace", "nickName", ScimJson.parse("\"Davey\"")))));
    Map<String, Instant> modified = new HashMap<>();
    for (JsonNode user : ScimAssertions.resources(scim.get("/Users"))) {
      modified.put(user.path("id").asText(),
          Instant.parse(user.path("meta").path("lastModified").asText()));
    }
    List<String> expected = new ArrayList<>(fixtures.ids(QueryFixtures.USERS));
    expected.sort(Comparator.comparing(modified::get)); // stable: ties stay in creation order
    assertEquals(fixtures.ids("carol", "dave"), expected.subList(3, 5), "the patched users changed last");

    assertFoundInOrder(scim.get("/Users?sortBy=meta.lastModified"), expected, "ascending");
    ScimResponse descending = scim.get("/Users?sortBy=meta.lastModified&sortOrder=descending");
    assertEquals(fixtures.ids("dave", "carol"), ScimAssertions.ids(descending).subList(0, 2),
        descending::toString);
  }

  @Test
  void groupsSortByDisplayName() {
    assertSorted("/Groups", "displayName", null, "allStaff", "empty", "engineering", "sales");
    assertSorted("/Groups", "displayName", "descending", "sales", "engineering", "empty", "allStaff");
  }

  // ---------------------------------------------------------------- with filter and paging

  @Test
  void sortedFilteredResultsArePagedInSortOrder() {
    String query = filter("emails pr") + "&sortBy=userName&count=2";
    ScimResponse first = scim.get("/Users" + query + "&startIndex=1");
    ScimResponse second = scim.get("/Users" + query + "&startIndex=3");

    assertFoundInOrder(first, fixtures.ids("alice", "bob"), "first page");
    assertFoundInOrder(second, fixtures.ids("carol", "dave"), "second page");
    assertEquals(4, first.json().path("totalResults").asInt(), first::toString);
    assertEquals(3, second.json().path("startIndex").asInt(), second::toString);

    ObjectNode body = searchRequest("emails pr").put("sortBy", "userName").put("sortOrder", "descending")
        .put("startIndex", 2).put("count", 2);
    assertFoundInOrder(scim.post("/Users/.search", body), fixtures.ids("carol", "bob"), "descending page");
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void sortByUnknownAttributeIs400InvalidValue() {
    assertScimError(scim.get("/Users?sortBy=shoeSize"), 400, "invalidValue");
    assertScimError(scim.get("/Users?sortBy=name.nickname"), 400, "invalidValue");
    assertScimError(scim.post("/Users/.search", searchRequest().put("sortBy", "shoeSize")), 400,
        "invalidValue");
    assertScimError(scim.get("/Groups?sortBy=userName"), 400, "invalidValue");
  }

  @Test
  void unknownSortOrderIs400InvalidValue() {
    assertScimError(scim.get("/Users?sortBy=userName&sortOrder=sideways"), 400, "invalidValue");
    assertScimError(scim.post("/Users/.search",
        searchRequest().put("sortBy", "userName").put("sortOrder", "up")), 400, "invalidValue");
  }
}
