package io.scimgateway.conformance;

import static io.scimgateway.conformance.EntitlementCatalogTest.ENTITLEMENT;
import static io.scimgateway.conformance.EntitlementCatalogTest.ROLE;
import static io.scimgateway.conformance.PasswordExtensionTest.PASSWORD;
import static io.scimgateway.conformance.PasswordExtensionTest.reset;
import static io.scimgateway.conformance.PasswordExtensionTest.withPassword;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimJson.ENTERPRISE;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery states the password extension and the entitlement catalog exactly where the backend has
 * them: with the embedded store, and with the same store with both capabilities hidden.
 */
@Needs(Capability.EMBEDDED_STORE)
class CapabilityAdvertisingTest {

  @TempDir
  Path data;

  @Test
  void theEmbeddedStoreAdvertisesItsPasswordFeaturesAndCatalog() {
    RunningGateway.with(TestGateway.config(data), scim -> {
      assertEquals(List.of(ENTERPRISE, PASSWORD), extensionsOfUser(scim));
      ScimResponse password = scim.get("/Schemas/" + PASSWORD);
      assertStatus(200, password);
      // Only the features it declares: no resetTemplate, no passwordHash.
      assertEquals(List.of("resetPassword", "resetValidForSeconds", "mustChangePassword"),
          names(password.json()));
      for (JsonNode attribute : password.json().path("attributes")) {
        assertEquals("writeOnly", attribute.path("mutability").asText(), attribute::toString);
        assertEquals("never", attribute.path("returned").asText(), attribute::toString);
      }
      assertEquals(Set.of("User", "Group", "Entitlement", "Role", "AuditEvent"),
          ids(scim.get("/ResourceTypes")));
      assertEquals("/Roles", scim.get("/ResourceTypes/Role").json().path("endpoint").asText());
      assertStatus(200, scim.get("/Schemas/" + ROLE));

      JsonNode config = scim.get("/ServiceProviderConfig").json();
      assertTrue(config.path("changePassword").path("supported").asBoolean(false), config::toString);
      JsonNode catalog = config.path("RolesAndEntitlements");
      assertTrue(catalog.path("roles").path("supported").asBoolean(false), config::toString);
      assertTrue(catalog.path("entitlements").path("supported").asBoolean(false), config::toString);
      assertTrue(catalog.path("entitlements").path("multipleEntitlementsSupported").asBoolean(false),
          config::toString);
    });
  }

  @Test
  void withoutTheCapabilitiesNothingOfThemIsAdvertisedOrServed() {
    GatewayConfig limited = TestGateway.config(data).withBackend(LimitedSqliteBackendProvider
        .settings(false, "PasswordManagement", "EntitlementCatalog", "AuditTrail"));
    RunningGateway.with(limited, scim -> {
      assertEquals(List.of(ENTERPRISE), extensionsOfUser(scim));
      assertEquals(Set.of("User", "Group"), ids(scim.get("/ResourceTypes")));
      Set<String> schemas = ids(scim.get("/Schemas"));
      assertFalse(schemas.contains(PASSWORD) || schemas.contains(ROLE)
          || schemas.contains(ENTITLEMENT), schemas::toString);
      assertScimError(scim.get("/Schemas/" + PASSWORD), 404);
      assertScimError(scim.get("/ResourceTypes/Entitlement"), 404);
      ScimResponse entitlements = scim.get("/Entitlements");
      assertScimError(entitlements, 404);
      assertTrue(entitlements.text("detail").contains("no catalog"), entitlements::toString);
      assertScimError(scim.get("/Roles/admin"), 404);
      assertScimError(scim.get("/AuditEvents"), 404);

      JsonNode config = scim.get("/ServiceProviderConfig").json();
      assertFalse(config.path("changePassword").path("supported").asBoolean(true), config::toString);
      assertFalse(config.path("RolesAndEntitlements").path("roles").path("supported")
          .asBoolean(true), config::toString);
      assertFalse(config.path("RolesAndEntitlements").path("entitlements").path("supported")
          .asBoolean(true), config::toString);

      ScimResponse refused = scim.post("/Users", withPassword(minimalUser("ned@example.com"),
          reset()));
      assertScimError(refused, 400, "invalidValue");
      assertTrue(refused.text("detail").contains("no password management"), refused::toString);
      assertStatus(201, scim.post("/Users", EntitlementCatalogTest.user("ned@example.com",
          "anything", "anyone")));
    });
  }

  private static List<String> extensionsOfUser(ScimSession scim) {
    List<String> urns = new ArrayList<>();
    scim.get("/ResourceTypes/User").json().path("schemaExtensions")
        .forEach(extension -> urns.add(extension.path("schema").asText()));
    return urns;
  }

  private static List<String> names(JsonNode schema) {
    List<String> names = new ArrayList<>();
    schema.path("attributes").forEach(attribute -> names.add(attribute.path("name").asText()));
    return names;
  }

  private static Set<String> ids(ScimResponse list) {
    Set<String> ids = new TreeSet<>();
    resources(list).forEach(resource -> ids.add(resource.path("id").asText()));
    return ids;
  }
}
