package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertListResponse;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.contains;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimJson.ENTERPRISE;
import static io.scimgateway.conformance.ScimJson.GROUP;
import static io.scimgateway.conformance.ScimJson.USER;
import static io.scimgateway.conformance.ScimJson.filter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discovery endpoints of RFC 7644 section 4 and their documents (RFC 7643 sections 5 to 7). They
 * are read-only and do not depend on stored data, so one gateway serves the whole class.
 */
class DiscoveryTest {

  private static final String SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  private static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  private static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
  private static final String PASSWORD = "urn:scimgateway:params:scim:schemas:extension:password:1.0:User";
  private static final String ROLE = "urn:ietf:params:scim:schemas:core:2.0:Role";
  private static final String ENTITLEMENT = "urn:ietf:params:scim:schemas:core:2.0:Entitlement";
  private static final String AUDIT_EVENT = "urn:scimgateway:params:scim:schemas:core:1.0:AuditEvent";

  @TempDir
  static Path data;

  private static TestGateway gateway;
  private static ScimSession scim;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(data);
    scim = ScimSession.of(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void fresh() {
    scim = ScimSession.of(gateway);
  }

  @AfterEach
  void noServerErrors() {
    scim.assertNoServerErrors();
  }

  private static void assertMeta(JsonNode document, String resourceType, String location) {
    assertEquals(resourceType, document.path("meta").path("resourceType").asText(), document::toString);
    assertEquals(location, document.path("meta").path("location").asText(), document::toString);
  }

  // ---------------------------------------------------------------- ServiceProviderConfig

  @Test
  void serviceProviderConfigAdvertisesPatchEtagFilterAndBearerTokens() {
    ScimResponse config = scim.get("/ServiceProviderConfig");

    assertStatus(200, config);
    assertTrue(config.header("Content-Type").orElse("").startsWith("application/scim+json"),
        () -> "Content-Type: " + config.header("Content-Type"));
    JsonNode body = config.json();
    assertTrue(contains(body.path("schemas"), SPC_SCHEMA), body::toString);
    assertTrue(body.path("patch").path("supported").asBoolean(false), body::toString);
    assertTrue(body.path("etag").path("supported").asBoolean(false), body::toString);
    assertTrue(body.path("filter").path("supported").asBoolean(false), body::toString);
    assertTrue(body.path("filter").path("maxResults").isIntegralNumber()
        && body.path("filter").path("maxResults").asInt() > 0, body::toString);
    // RFC 7643 section 5: these are REQUIRED, each with a boolean "supported".
    for (String feature : new String[] {"bulk", "changePassword", "sort"}) {
      assertTrue(body.path(feature).path("supported").isBoolean(), () -> feature + ": " + body);
    }
    assertTrue(body.path("bulk").path("maxOperations").isIntegralNumber(), body::toString);
    assertTrue(body.path("bulk").path("maxPayloadSize").isIntegralNumber(), body::toString);

    boolean bearer = false;
    for (JsonNode scheme : body.path("authenticationSchemes")) {
      if ("oauthbearertoken".equals(scheme.path("type").asText())) {
        bearer = true;
        assertFalse(scheme.path("name").asText().isBlank(), scheme::toString);
        assertFalse(scheme.path("description").asText().isBlank(), scheme::toString);
      }
    }
    assertTrue(bearer, () -> "authenticationSchemes must list oauthbearertoken: " + body);
    assertMeta(body, "ServiceProviderConfig", scim.base() + "/ServiceProviderConfig");
  }

  // ---------------------------------------------------------------- ResourceTypes

  @Test
  void resourceTypesListsUserAndGroupWithEndpointsAndTheEnterpriseExtension() {
    ScimResponse list = scim.get("/ResourceTypes");

    // The embedded store has an entitlement catalog, so /Entitlements and /Roles are served too;
    // brainCloud has no entitlements or roles, so it serves neither.
    // Every backend keeps an audit trail, so /AuditEvents is served everywhere.
    Set<String> types = catalogs() ? Set.of("User", "Group", "Entitlement", "Role", "AuditEvent")
        : Set.of("User", "Group", "AuditEvent");
    assertListResponse(list, types.size(), types.size(), 1);
    Map<String, JsonNode> byId = new HashMap<>();
    resources(list).forEach(type -> byId.put(type.path("id").asText(), type));
    assertEquals(types, byId.keySet(), list::toString);

    JsonNode user = byId.get("User");
    assertUserResourceType(user);

    JsonNode group = byId.get("Group");
    assertTrue(contains(group.path("schemas"), RESOURCE_TYPE_SCHEMA), group::toString);
    assertEquals("Group", group.path("name").asText(), group::toString);
    assertEquals("/Groups", group.path("endpoint").asText(), group::toString);
    assertEquals(GROUP, group.path("schema").asText(), group::toString);
    assertMeta(group, "ResourceType", scim.base() + "/ResourceTypes/Group");
  }

  /** Whether the backend has an entitlement and role catalog (all but brainCloud). */
  private static boolean catalogs() {
    return ConformanceBackend.has(Capability.CATALOGS);
  }

  private static void assertUserResourceType(JsonNode user) {
    assertTrue(contains(user.path("schemas"), RESOURCE_TYPE_SCHEMA), user::toString);
    assertEquals("User", user.path("name").asText(), user::toString);
    assertEquals("/Users", user.path("endpoint").asText(), user::toString);
    assertEquals(USER, user.path("schema").asText(), user::toString);
    JsonNode extensions = user.path("schemaExtensions");
    // The embedded store manages passwords, so the password extension is listed too.
    assertEquals(2, extensions.size(), user::toString);
    assertEquals(ENTERPRISE, extensions.path(0).path("schema").asText(), user::toString);
    assertEquals(PASSWORD, extensions.path(1).path("schema").asText(), user::toString);
    for (JsonNode extension : extensions) {
      assertTrue(extension.path("required").isBoolean(), user::toString);
      assertFalse(extension.path("required").asBoolean(), user::toString);
    }
    assertMeta(user, "ResourceType", scim.base() + "/ResourceTypes/User");
  }

  @Test
  void resourceTypeUserByIdIsTheListedDocument() {
    ScimResponse user = scim.get("/ResourceTypes/User");

    assertStatus(200, user);
    assertUserResourceType(user.json());
    JsonNode listed = resources(scim.get("/ResourceTypes")).stream()
        .filter(type -> type.path("id").asText().equals("User")).findFirst().orElseThrow();
    assertEquals(listed, user.json());
  }

  @Test
  void resourceTypeGroupById() {
    ScimResponse group = scim.get("/ResourceTypes/Group");

    assertStatus(200, group);
    assertEquals("/Groups", group.json().path("endpoint").asText(), group::toString);
    assertMeta(group.json(), "ResourceType", scim.base() + "/ResourceTypes/Group");
  }

  @Test
  void unknownResourceTypeIs404ScimError() {
    assertScimError(scim.get("/ResourceTypes/Printer"), 404);
  }

  // ---------------------------------------------------------------- Schemas

  @Test
  void schemasListsTheUserGroupAndEnterpriseSchemas() {
    ScimResponse list = scim.get("/Schemas");

    Set<String> schemas = catalogs()
        ? Set.of(USER, GROUP, ENTERPRISE, PASSWORD, ROLE, ENTITLEMENT, AUDIT_EVENT)
        : Set.of(USER, GROUP, ENTERPRISE, PASSWORD, AUDIT_EVENT);
    assertListResponse(list, schemas.size(), schemas.size(), 1);
    Map<String, JsonNode> byId = new HashMap<>();
    resources(list).forEach(schema -> byId.put(schema.path("id").asText(), schema));
    assertEquals(schemas, byId.keySet(), list::toString);
    byId.forEach((id, schema) -> {
      assertTrue(contains(schema.path("schemas"), SCHEMA_SCHEMA), schema::toString);
      assertTrue(schema.path("attributes").isArray() && schema.path("attributes").size() > 0,
          schema::toString);
      assertMeta(schema, "Schema", scim.base() + "/Schemas/" + id);
    });
  }

  @Test
  void schemaByUrnIsTheListedDocument() {
    Map<String, JsonNode> listed = new HashMap<>();
    resources(scim.get("/Schemas")).forEach(schema -> listed.put(schema.path("id").asText(), schema));

    for (String urn : new String[] {USER, GROUP, ENTERPRISE}) {
      ScimResponse schema = scim.get("/Schemas/" + urn);
      assertStatus(200, schema);
      assertEquals(urn, schema.json().path("id").asText());
      assertMeta(schema.json(), "Schema", scim.base() + "/Schemas/" + urn);
      assertEquals(listed.get(urn), schema.json(), urn);
    }
  }

  @Test
  void userSchemaDescribesAttributeCharacteristics() {
    JsonNode schema = scim.get("/Schemas/" + USER).json();

    JsonNode userName = attribute(schema, "userName");
    assertEquals("string", userName.path("type").asText(), userName::toString);
    assertTrue(userName.path("required").asBoolean(false), userName::toString);
    assertEquals("server", userName.path("uniqueness").asText(), userName::toString);
    assertFalse(userName.path("caseExact").asBoolean(true), userName::toString);

    JsonNode password = attribute(schema, "password");
    assertEquals("writeOnly", password.path("mutability").asText(), password::toString);
    assertEquals("never", password.path("returned").asText(), password::toString);

    JsonNode groups = attribute(schema, "groups");
    assertEquals("readOnly", groups.path("mutability").asText(), groups::toString);
    assertTrue(groups.path("multiValued").asBoolean(false), groups::toString);
  }

  @Test
  void enterpriseSchemaDescribesManager() {
    JsonNode schema = scim.get("/Schemas/" + ENTERPRISE).json();

    JsonNode manager = attribute(schema, "manager");
    assertEquals("complex", manager.path("type").asText(), manager::toString);
    assertTrue(attribute(schema, "employeeNumber").isObject(), schema::toString);
  }

  private static JsonNode attribute(JsonNode schema, String name) {
    for (JsonNode attribute : schema.path("attributes")) {
      if (name.equals(attribute.path("name").asText())) {
        return attribute;
      }
    }
    throw new AssertionError("The schema " + schema.path("id") + " has no attribute " + name);
  }

  @Test
  void unknownSchemaIs404ScimError() {
    assertScimError(scim.get("/Schemas/urn:example:params:scim:schemas:Unknown"), 404);
  }

  // ---------------------------------------------------------------- filters refused

  @Test
  void filterOnServiceProviderConfigIs403() {
    assertScimError(scim.get("/ServiceProviderConfig" + filter("patch.supported eq true")), 403);
  }

  @Test
  void filterOnResourceTypesIs403() {
    assertScimError(scim.get("/ResourceTypes" + filter("name eq \"User\"")), 403);
  }

  @Test
  void filterOnSchemasIs403() {
    assertScimError(scim.get("/Schemas" + filter("id eq \"" + USER + "\"")), 403);
  }
}
