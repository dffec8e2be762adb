package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimJson.ENTERPRISE;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A known set of users and groups, created over HTTP, for the filter, sort, paging, cursor, projection
 * and root-search tests; and the few helpers those tests share.
 *
 * <p>Users, in creation order (creation times differ by a few milliseconds):
 * <ul>
 *   <li>dave: userName "Dave.Brown@example.com", externalId "ABC", name Dave / brown, displayName
 *       "Dave Brown", email dave@example.com (work, primary), active false, title "Manager",
 *       employeeNumber 1003, department "Sales".
 *   <li>alice: "alice@example.com", externalId "abc", Alice / Smith, "Alice Smith", emails
 *       alice@example.com (work, primary) and alice@example.org (home), active true, title "Engineer",
 *       profileUrl "https://example.com/profiles/alice", 1001, "Engineering", manager dave.
 *   <li>carol: "carol@example.org", no externalId, Carol / Adams, "Carol Adams", email
 *       carol@example.org (home), active true, 1002, "Engineering", manager dave.
 *   <li>bob: "bob@example.com", externalId "Abd", givenName Bob only, no displayName, emails
 *       bob@work.example.com (work) and bob@example.com (home), no active, no enterprise extension.
 *   <li>eve: "eve@example.net" and nothing else.
 * </ul>
 *
 * <p>Groups, in creation order: engineering ("Engineering", externalId "grp-eng", members alice and
 * carol), sales ("Sales", externalId "GRP-SALES", member dave), allStaff ("All Staff", members the
 * engineering group and bob), empty ("Empty", no members).
 */
final class QueryFixtures {

  static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
  static final List<String> USERS = List.of("dave", "alice", "carol", "bob", "eve");
  static final List<String> GROUPS = List.of("engineering", "sales", "allStaff", "empty");

  private final ScimSession scim;
  private final Map<String, String> ids = new LinkedHashMap<>();
  private final Map<String, String> created = new LinkedHashMap<>();

  private QueryFixtures(ScimSession scim) {
    this.scim = scim;
  }

  /** Creates the users and groups described above through {@code scim}. */
  static QueryFixtures create(ScimSession scim) {
    QueryFixtures fixtures = new QueryFixtures(scim);
    fixtures.createPeople();
    fixtures.createGroups();
    return fixtures;
  }

  private void createPeople() {
    ObjectNode dave = person("Dave.Brown@example.com", "ABC", "Dave", "brown", "Dave Brown");
    dave.putArray("emails").addObject()
        .put("value", "dave@example.com").put("type", "work").put("primary", true);
    dave.put("active", false).put("title", "Manager");
    enterprise(dave, "1003", "Sales", null);
    add("dave", "/Users", dave);

    ObjectNode alice = person("alice@example.com", "abc", "Alice", "Smith", "Alice Smith");
    alice.putArray("emails")
        .add(ScimJson.object().put("value", "alice@example.com").put("type", "work").put("primary", true))
        .add(ScimJson.object().put("value", "alice@example.org").put("type", "home"));
    alice.put("active", true).put("title", "Engineer")
        .put("profileUrl", "https://example.com/profiles/alice");
    enterprise(alice, "1001", "Engineering", id("dave"));
    add("alice", "/Users", alice);

    ObjectNode carol = person("carol@example.org", null, "Carol", "Adams", "Carol Adams");
    carol.putArray("emails").addObject().put("value", "carol@example.org").put("type", "home");
    carol.put("active", true);
    enterprise(carol, "1002", "Engineering", id("dave"));
    add("carol", "/Users", carol);

    ObjectNode bob = person("bob@example.com", "Abd", "Bob", null, null);
    bob.putArray("emails")
        .add(ScimJson.object().put("value", "bob@work.example.com").put("type", "work"))
        .add(ScimJson.object().put("value", "bob@example.com").put("type", "home"));
    add("bob", "/Users", bob);

    add("eve", "/Users", minimalUser("eve@example.net"));
  }

  private void createGroups() {
    add("engineering", "/Groups",
        ScimJson.group("Engineering", id("alice"), id("carol")).put("externalId", "grp-eng"));
    add("sales", "/Groups", ScimJson.group("Sales", id("dave")).put("externalId", "GRP-SALES"));
    add("allStaff", "/Groups", ScimJson.group("All Staff", id("engineering"), id("bob")));
    add("empty", "/Groups", ScimJson.group("Empty"));
  }

  private static ObjectNode person(String userName, String externalId, String given, String family,
      String displayName) {
    ObjectNode user = minimalUser(userName);
    if (externalId != null) {
      user.put("externalId", externalId);
    }
    ObjectNode name = user.putObject("name").put("givenName", given);
    if (family != null) {
      name.put("familyName", family);
    }
    if (displayName != null) {
      user.put("displayName", displayName);
    }
    return user;
  }

  private static void enterprise(ObjectNode user, String employeeNumber, String department,
      String managerId) {
    user.withArray("schemas").add(ENTERPRISE);
    ObjectNode extension = user.putObject(ENTERPRISE).put("employeeNumber", employeeNumber)
        .put("department", department);
    if (managerId != null) {
      extension.putObject("manager").put("value", managerId);
    }
  }

  private void add(String key, String endpoint, ObjectNode body) {
    ScimResponse response = scim.post(endpoint, body);
    assertStatus(201, response);
    ids.put(key, response.text("id"));
    created.put(key, response.json().path("meta").path("created").asText());
    pause();
  }

  /** The id of the fixture resource {@code key}. */
  String id(String key) {
    String id = ids.get(key);
    if (id == null) {
      throw new IllegalArgumentException("No fixture resource " + key);
    }
    return id;
  }

  /** The ids of the fixture resources, in the order given. */
  List<String> ids(String... keys) {
    return ids(List.of(keys));
  }

  List<String> ids(List<String> keys) {
    List<String> list = new ArrayList<>();
    keys.forEach(key -> list.add(id(key)));
    return list;
  }

  /** The ids of all fixture resources. */
  List<String> allIds() {
    return new ArrayList<>(ids.values());
  }

  /** meta.created of {@code key} as the gateway returned it. */
  String created(String key) {
    return created.get(key);
  }

  // ---------------------------------------------------------------- shared helpers

  /** A SearchRequest body (RFC 7644 section 3.4.3) without parameters. */
  static ObjectNode searchRequest() {
    ObjectNode body = ScimJson.object();
    body.putArray("schemas").add(SEARCH_REQUEST);
    return body;
  }

  static ObjectNode searchRequest(String filter) {
    return searchRequest().put("filter", filter);
  }

  /** The default test configuration with the given limits (null: the default). */
  static GatewayConfig withLimits(Path data, Integer maxResults, Integer maxFilterLength) {
    return TestGateway.config(data).with("limits: {maxResults: " + maxResults + ", maxFilterLength: "
        + maxFilterLength + "}");
  }

  /** The default test configuration with cursors that expire after {@code seconds}. */
  static GatewayConfig withCursorLifetime(Path data, int seconds) {
    return TestGateway.config(data).with("limits: {cursorTimeoutSeconds: " + seconds + "}");
  }

  /**
   * A 200 list response holding exactly {@code expected}, each once, in any order, with totalResults
   * and itemsPerPage equal to their number.
   */
  static void assertFound(ScimResponse response, Collection<String> expected, String what) {
    assertStatus(200, response);
    List<String> found = ScimAssertions.ids(response);
    assertEquals(found.size(), new HashSet<>(found).size(), () -> what + ": duplicates in " + response);
    assertEquals(new HashSet<>(expected), new HashSet<>(found), () -> what + ": " + response);
    assertEquals(expected.size(), response.json().path("totalResults").asLong(-1),
        () -> what + ": totalResults " + response);
    assertEquals(expected.size(), response.json().path("itemsPerPage").asLong(-1),
        () -> what + ": itemsPerPage " + response);
  }

  /** A 200 list response whose Resources are exactly {@code expected}, in that order. */
  static void assertFoundInOrder(ScimResponse response, List<String> expected, String what) {
    assertStatus(200, response);
    assertEquals(expected, ScimAssertions.ids(response), () -> what + ": " + response);
    assertEquals(resources(response).size(), response.json().path("itemsPerPage").asLong(-1),
        () -> what + ": itemsPerPage " + response);
  }

  /** Lets the clock move on, so that resources created or changed in turn have distinct times. */
  static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
