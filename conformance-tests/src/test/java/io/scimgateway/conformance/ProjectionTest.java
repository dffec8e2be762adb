package io.scimgateway.conformance;

import static io.scimgateway.conformance.QueryFixtures.searchRequest;
import static io.scimgateway.conformance.ScimAssertions.assertAbsent;
import static io.scimgateway.conformance.ScimAssertions.assertPresent;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimJson.ENTERPRISE;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * attributes and excludedAttributes (RFC 7644 sections 3.4.2.5 and 3.9) on reads, lists, searches and
 * the responses to POST, PUT and PATCH, over the {@link QueryFixtures} data: id and schemas always,
 * meta unless excluded, password never, sub-attributes, extension attributes by URN, and groups and
 * members left out on request.
 */
class ProjectionTest {

  @RegisterExtension
  final RunningGateway running = RunningGateway.withQueryFixtures();

  private ScimSession scim;
  private QueryFixtures fixtures;

  @BeforeEach
  void start() {
    scim = running.session();
    fixtures = running.fixtures();
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void assertFields(JsonNode node, String... expected) {
    assertEquals(new TreeSet<>(List.of(expected)), fields(node), node::toString);
  }

  private JsonNode alice(String query) {
    ScimResponse read = scim.get("/Users/" + fixtures.id("alice") + query);
    assertStatus(200, read);
    return read.json();
  }

  // ---------------------------------------------------------------- attributes

  @Test
  void attributesReturnsOnlyThoseWithIdAndSchemas() {
    JsonNode alice = alice("?attributes=userName");

    assertFields(alice, "id", "schemas", "userName");
    assertEquals(fixtures.id("alice"), alice.path("id").asText());
    assertEquals("alice@example.com", alice.path("userName").asText());
  }

  @Test
  void passwordIsNeverReturnedEvenWhenAskedFor() {
    assertStatus(200, scim.patch("/Users/" + fixtures.id("alice"),
        patch(op("replace", "password", ScimJson.parse("\"A-long-enough-passphrase-3\"")))));

    assertFields(alice("?attributes=password"), "id", "schemas");
    assertFields(alice("?attributes=password,displayName"), "id", "schemas", "displayName");
    for (JsonNode user : resources(scim.get("/Users?attributes=password"))) {
      assertFields(user, "id", "schemas");
    }
  }

  @Test
  void subAttributeProjectionReturnsTheParentWithOnlyThatSubAttribute() {
    JsonNode alice = alice("?attributes=name.familyName");

    assertFields(alice, "id", "schemas", "name");
    assertFields(alice.path("name"), "familyName");
    assertEquals("Smith", alice.path("name").path("familyName").asText());
  }

  @Test
  void extensionAttributeProjectionByUrnPath() {
    JsonNode number = alice("?attributes=" + q(ENTERPRISE + ":employeeNumber"));
    assertFields(number, "id", "schemas", ENTERPRISE);
    assertFields(number.path(ENTERPRISE), "employeeNumber");
    assertEquals("1001", number.path(ENTERPRISE).path("employeeNumber").asText());

    JsonNode manager = alice("?attributes=" + q(ENTERPRISE + ":manager.value"));
    assertFields(manager.path(ENTERPRISE), "manager");
    assertFields(manager.path(ENTERPRISE).path("manager"), "value");
  }

  @Test
  void wholeExtensionByItsSchemaUrn() {
    // Not spelled out by RFC 7644, but the natural reading of a URN "attribute" naming the extension.
    JsonNode whole = alice("?attributes=" + q(ENTERPRISE));
    assertFields(whole, "id", "schemas", ENTERPRISE);
    assertFields(whole.path(ENTERPRISE), "employeeNumber", "department", "manager");

    JsonNode without = alice("?excludedAttributes=" + q(ENTERPRISE));
    assertAbsent(without, ENTERPRISE);
    assertPresent(without, "userName");
  }

  @Test
  void attributeNamesInProjectionIgnoreCase() {
    JsonNode alice = alice("?attributes=USERNAME,Name.FamilyName");
    assertFields(alice, "id", "schemas", "userName", "name");
    assertFields(alice.path("name"), "familyName");

    JsonNode excluded = alice("?excludedAttributes=EMAILS,DisplayName");
    assertAbsent(excluded, "emails");
    assertAbsent(excluded, "displayName");
    assertPresent(excluded, "userName");
  }

  // ---------------------------------------------------------------- excludedAttributes

  @Test
  void excludedAttributesRemovesThemAndKeepsTheRestWithMeta() {
    JsonNode alice = alice("?excludedAttributes=emails,name");

    assertAbsent(alice, "emails");
    assertAbsent(alice, "name");
    for (String kept : List.of("id", "schemas", "userName", "displayName", "active", "meta", ENTERPRISE)) {
      assertPresent(alice, kept);
    }
    assertEquals("User", alice.path("meta").path("resourceType").asText(), alice::toString);
  }

  @Test
  void idAndSchemasCannotBeExcludedButMetaCan() {
    JsonNode alice = alice("?excludedAttributes=id,schemas,meta");

    assertPresent(alice, "id");
    assertPresent(alice, "schemas");
    assertAbsent(alice, "meta");
    assertPresent(alice, "userName");
  }

  @Test
  void excludedSubAttributeAndExtensionAttribute() {
    JsonNode alice = alice("?excludedAttributes=name.givenName," + q(ENTERPRISE + ":manager"));

    assertFields(alice.path("name"), "familyName");
    assertFields(alice.path(ENTERPRISE), "employeeNumber", "department");
  }

  @Test
  void groupsOnUsersAreLeftOutWhenExcluded() {
    assertPresent(alice("?attributes=userName,groups"), "groups");

    JsonNode alice = alice("?excludedAttributes=groups");
    assertAbsent(alice, "groups");
    assertPresent(alice, "userName");
    for (JsonNode user : resources(scim.get("/Users?excludedAttributes=groups"))) {
      assertAbsent(user, "groups");
    }
  }

  /**
   * A backend that reads a user's groups with platform calls of their own serves them returned on
   * request (RFC 7643 section 7): a response holds them only when {@code attributes} names them, and
   * /Schemas says which.
   */
  @Test
  void groupsOnUsersAreReturnedAsTheServedSchemaSays() {
    boolean byDefault = ServedUserSchema.returnedByDefault(scim, "groups");
    assertEquals(byDefault, alice("").has("groups"), "returned " + ServedUserSchema.returned(scim, "groups"));
    if (!byDefault) {
      for (JsonNode user : resources(scim.get("/Users"))) {
        assertAbsent(user, "groups");
      }
    }
    assertPresent(alice("?attributes=groups"), "groups");
    assertEquals(byDefault, alice("?excludedAttributes=emails").has("groups"));
  }

  @Test
  void membersOnGroupsAreLeftOutWhenExcluded() {
    ScimResponse read = scim.get("/Groups/" + fixtures.id("engineering") + "?excludedAttributes=members");

    assertStatus(200, read);
    assertFields(read.json(), "id", "schemas", "displayName", "externalId", "meta");
    ScimResponse listed =
        scim.get("/Groups" + filter("displayName eq \"All Staff\"") + "&excludedAttributes=members");
    assertEquals(1, resources(listed).size(), listed::toString);
    assertAbsent(resources(listed).get(0), "members");
  }

  // ---------------------------------------------------------------- lists and searches

  @Test
  void listProjectionAppliesToEveryResource() {
    ScimResponse users = scim.get("/Users?attributes=userName");
    assertEquals(5, resources(users).size(), users::toString);
    for (JsonNode user : resources(users)) {
      assertFields(user, "id", "schemas", "userName");
    }
    ScimResponse groups = scim.get("/Groups?attributes=displayName");
    assertEquals(4, resources(groups).size(), groups::toString);
    for (JsonNode group : resources(groups)) {
      assertFields(group, "id", "schemas", "displayName");
    }
  }

  @Test
  void searchBodyAttributesAndExcludedAttributesArrays() {
    ObjectNode included = searchRequest("userName eq \"alice@example.com\"");
    included.putArray("attributes").add("userName").add("name.givenName");
    ScimResponse found = scim.post("/Users/.search", included);
    assertEquals(1, resources(found).size(), found::toString);
    JsonNode alice = resources(found).get(0);
    assertFields(alice, "id", "schemas", "userName", "name");
    assertFields(alice.path("name"), "givenName");

    ObjectNode excluded = searchRequest("userName eq \"alice@example.com\"");
    excluded.putArray("excludedAttributes").add("emails").add("groups").add(ENTERPRISE + ":manager");
    JsonNode trimmed = resources(scim.post("/Users/.search", excluded)).get(0);
    assertAbsent(trimmed, "emails");
    assertAbsent(trimmed, "groups");
    assertFields(trimmed.path(ENTERPRISE), "employeeNumber", "department");
    assertPresent(trimmed, "name");
    assertPresent(trimmed, "meta");
  }

  // ---------------------------------------------------------------- responses to changes

  @Test
  void createReplaceAndPatchResponsesAreProjected() {
    ScimResponse created = scim.post("/Users?attributes=userName", ScimJson.user("projected@example.com"));
    assertStatus(201, created);
    assertFields(created.json(), "id", "schemas", "userName");
    String id = created.text("id");

    ScimResponse replaced = scim.put("/Users/" + id + "?excludedAttributes=emails,name",
        ScimJson.user("projected@example.com"));
    assertStatus(200, replaced);
    assertAbsent(replaced.json(), "emails");
    assertAbsent(replaced.json(), "name");
    assertPresent(replaced.json(), "displayName");

    ScimResponse patched = scim.patch("/Users/" + id + "?attributes=displayName",
        patch(op("replace", "displayName", ScimJson.parse("\"Projected\""))));
    assertStatus(200, patched);
    assertFields(patched.json(), "id", "schemas", "displayName");

    ScimResponse group = scim.post("/Groups?excludedAttributes=members", ScimJson.group("Projected", id));
    assertStatus(201, group);
    assertAbsent(group.json(), "members");
    assertFalse(group.json().path("displayName").isMissingNode(), group::toString);
  }

  @Test
  void aMalformedAttributesParameterRefusesAWriteBeforeItChangesAnything() {
    String malformed = "?attributes=" + q("emails[type");
    ScimResponse refused = scim.post("/Users" + malformed, ScimJson.user("never@example.com"));
    ScimAssertions.assertScimError(refused, 400, "invalidValue");
    assertEquals(0, scim.get("/Users?filter=" + q("userName eq \"never@example.com\"")).json()
        .path("totalResults").asInt(), "the refused POST created the user");

    String id = scim.post("/Users", ScimJson.user("kept@example.com")).text("id");
    ScimAssertions.assertScimError(scim.patch("/Users/" + id + malformed,
        patch(op("replace", "displayName", ScimJson.parse("\"Changed\"")))), 400, "invalidValue");
    ScimAssertions.assertScimError(scim.put("/Users/" + id + malformed,
        ScimJson.user("renamed@example.com")), 400, "invalidValue");
    JsonNode kept = scim.get("/Users/" + id).json();
    assertEquals("kept@example.com", kept.path("userName").asText(), kept::toString);
    assertFalse(kept.path("displayName").asText().equals("Changed"), kept::toString);
  }
}
