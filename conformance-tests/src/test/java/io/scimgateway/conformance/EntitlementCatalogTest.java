package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertListResponse;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimAssertions.values;
import static io.scimgateway.conformance.ScimJson.array;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.object;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /Entitlements} and {@code /Roles} (draft-ietf-scim-roles-entitlements-01) over the embedded
 * store's configured catalog, and the catalog applied to the users written.
 */
class EntitlementCatalogTest {

  static final String ENTITLEMENT = "urn:ietf:params:scim:schemas:core:2.0:Entitlement";
  static final String ROLE = "urn:ietf:params:scim:schemas:core:2.0:Role";

  @TempDir
  Path data;

  @Test
  void entitlementsAreListedAsDraftResources() {
    RunningGateway.with(catalogConfig(), scim -> {
      ScimResponse list = scim.get("/Entitlements");
      assertListResponse(list, 2, 2, 1);
      JsonNode full = resources(list).get(0);
      assertEquals(List.of(ENTITLEMENT), List.of(full.path("schemas").get(0).asText()));
      assertEquals("license.full", full.path("id").asText(), full::toString);
      assertEquals("license.full", full.path("value").asText(), full::toString);
      assertEquals("Full license", full.path("display").asText(), full::toString);
      assertEquals("License", full.path("type").asText(), full::toString);
      assertEquals("Every feature", full.path("description").asText(), full::toString);
      assertTrue(full.path("supported").asBoolean(false), full::toString);
      assertEquals("Entitlement", full.path("meta").path("resourceType").asText(), full::toString);
      assertEquals(scim.base() + "/Entitlements/license.full",
          full.path("meta").path("location").asText(), full::toString);

      ScimResponse one = scim.get("/Entitlements/license.full");
      assertStatus(200, one);
      assertEquals(full, one.json());
      assertScimError(scim.get("/Entitlements/license.none"), 404);
    });
  }

  @Test
  void listsFilterAndPageByIndex() {
    RunningGateway.with(catalogConfig(), scim -> {
      ScimResponse filtered = scim.get("/Entitlements?filter=" + q("type eq \"Limit\""));
      assertListResponse(filtered, 1, 1, 1);
      assertEquals("storage.100gb", resources(filtered).get(0).path("value").asText());

      ScimResponse second = scim.get("/Roles?startIndex=2&count=1");
      assertListResponse(second, 2, 1, 2);
      assertEquals("auditor", resources(second).get(0).path("value").asText());
      ScimResponse totalOnly = scim.get("/Roles?count=0");
      assertEquals(2, totalOnly.json().path("totalResults").asInt(), totalOnly::toString);
      assertTrue(totalOnly.json().path("Resources").isMissingNode(), totalOnly::toString);

      assertScimError(scim.get("/Roles?filter=" + q("colour eq \"red\"")), 400, "invalidFilter");
      assertScimError(scim.get("/Roles?cursor="), 400, "invalidValue");
      assertScimError(scim.post("/Roles", object().put("value", "owner")), 405);
    });
  }

  @Test
  void aUserMayHoldOnlyCatalogValues() {
    RunningGateway.with(catalogConfig(), scim -> {
      ScimResponse unknown = scim.post("/Users", user("kim@example.com", "license.bogus", "admin"));
      assertScimError(unknown, 400, "invalidValue");
      assertTrue(unknown.text("detail").contains("\"license.bogus\"")
          && unknown.text("detail").contains("/Entitlements"), unknown::toString);
      ScimResponse unknownRole = scim.post("/Users", user("kim@example.com", "license.full", "root"));
      assertScimError(unknownRole, 400, "invalidValue");
      assertTrue(unknownRole.text("detail").contains("/Roles"), unknownRole::toString);

      ScimResponse created = scim.post("/Users", user("kim@example.com", "license.full", "admin"));
      assertStatus(201, created);
      String id = created.text("id");
      assertEquals(Set.of("license.full"), values(created.json().path("entitlements")));
      ObjectNode bogus = object().put("value", "license.bogus");
      assertScimError(scim.patch("/Users/" + id, patch(op("add", "entitlements",
          array().add(bogus)))), 400, "invalidValue");
      ScimResponse added = scim.patch("/Users/" + id, patch(op("add", "roles",
          array().add(object().put("value", "auditor")))));
      assertStatus(200, added);
      assertEquals(Set.of("admin", "auditor"), values(added.json().path("roles")));
    });
  }

  @Test
  @Needs(Capability.WRITABLE_CATALOG)
  void withoutConfiguredValuesAnyValueIsAcceptedAndTheListsAreEmpty() {
    RunningGateway.with(TestGateway.config(data), scim -> {
      assertListResponse(scim.get("/Entitlements"), 0, 0, 1);
      assertListResponse(scim.get("/Roles"), 0, 0, 1);
      assertStatus(201, scim.post("/Users", user("lou@example.com", "anything", "anyone")));
    });
  }

  @Test
  void readOnlyEntitlementsMayBeSentBackButNotChanged() {
    GatewayConfig readOnly = TestGateway.config(data)
        .withBackend(catalogBackend(LimitedSqliteBackendProvider.settings(true)));
    RunningGateway.with(readOnly, scim -> {
      ScimResponse refused = scim.post("/Users", user("max@example.com", "license.full", null));
      assertScimError(refused, 400, "mutability");
      assertTrue(refused.text("detail").contains("read-only"), refused::toString);

      ObjectNode user = minimalUser("max@example.com");
      ScimResponse created = scim.post("/Users", user);
      assertStatus(201, created);
      String id = created.text("id");
      assertStatus(200, scim.put("/Users/" + id, user.deepCopy().set("entitlements", array())));
      assertScimError(scim.put("/Users/" + id, user("max@example.com", null, "admin")), 400,
          "mutability");
      assertScimError(scim.patch("/Users/" + id, patch(op("add", "roles",
          array().add(object().put("value", "admin"))))), 400, "mutability");

      JsonNode schema = scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json();
      for (JsonNode attribute : schema.path("attributes")) {
        String name = attribute.path("name").asText();
        if (name.equals("entitlements") || name.equals("roles")) {
          assertEquals("readOnly", attribute.path("mutability").asText(), attribute::toString);
          attribute.path("subAttributes").forEach(sub ->
              assertEquals("readOnly", sub.path("mutability").asText(), sub::toString));
        }
      }
    });
  }

  @Test
  void entitlementsAreWrittenOnlyWhereTheBackendLetsClientsWriteThem() {
    RunningGateway.with(TestGateway.config(data), scim -> {
      ScimResponse created = scim.post("/Users", user("ned@example.com", "analytics", null));
      if (ConformanceBackend.has(Capability.WRITABLE_ENTITLEMENTS)) {
        assertStatus(201, created);
      } else {
        assertScimError(created, 400, "mutability");
      }
    });
  }

  private GatewayConfig catalogConfig() {
    return TestGateway.config(data).withBackend(catalogBackend(object()));
  }

  /** {@code backend} with two entitlements and two roles configured. */
  private static ObjectNode catalogBackend(ObjectNode backend) {
    ArrayNode entitlements = backend.putArray("entitlements");
    entitlements.addObject().put("value", "license.full").put("display", "Full license")
        .put("type", "License").put("description", "Every feature");
    entitlements.addObject().put("value", "storage.100gb").put("type", "Limit");
    ArrayNode roles = backend.putArray("roles");
    roles.addObject().put("value", "admin");
    roles.addObject().put("value", "auditor");
    return backend;
  }

  /** A user with one entitlement and one role; null leaves either out. */
  static ObjectNode user(String userName, String entitlement, String role) {
    ObjectNode user = minimalUser(userName);
    if (entitlement != null) {
      user.putArray("entitlements").addObject().put("value", entitlement);
    }
    if (role != null) {
      user.putArray("roles").addObject().put("value", role);
    }
    return user;
  }
}
