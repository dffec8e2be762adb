package io.scimgateway.schemas;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaChecker;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaRegistryTest {

  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String PASSWORD = "urn:scimgateway:params:scim:schemas:extension:password:1.0:User";
  private static final String ROLE = "urn:ietf:params:scim:schemas:core:2.0:Role";
  private static final String ENTITLEMENT = "urn:ietf:params:scim:schemas:core:2.0:Entitlement";
  private static final String AUDIT_EVENT = "urn:scimgateway:params:scim:schemas:core:1.0:AuditEvent";

  private static final SchemaRegistry REGISTRY = SchemaRegistry.load();

  @TempDir
  Path temp;

  // ---------------------------------------------------------------- what the module ships

  @Test
  void loadsTheSevenSchemasAndFiveResourceTypesInIndexOrder() {
    assertEquals(List.of(USER, GROUP, ENTERPRISE, PASSWORD, ROLE, ENTITLEMENT, AUDIT_EVENT),
        REGISTRY.schemas().stream().map(SchemaResource::getId).toList());
    assertEquals(List.of("User", "Group", "Role", "Entitlement", "AuditEvent"),
        REGISTRY.resourceTypes().stream().map(ResourceTypeDefinition::getName).toList());
  }

  @Test
  void findsSchemasByUrnIgnoringCase() {
    assertEquals(ENTERPRISE, REGISTRY.schema(ENTERPRISE.toUpperCase()).orElseThrow().getId());
    assertTrue(REGISTRY.schema("urn:example:none").isEmpty());
  }

  @Test
  void userResourceTypeServesUsersWithTheEnterpriseAndPasswordExtensionsOptional() {
    ResourceTypeDefinition user = REGISTRY.resourceType("user").orElseThrow();
    SchemaResource enterprise = REGISTRY.schema(ENTERPRISE).orElseThrow();
    SchemaResource password = REGISTRY.schema(PASSWORD).orElseThrow();
    assertAll(
        () -> assertEquals("/Users", user.getEndpoint()),
        () -> assertEquals("User Account", user.getDescription()),
        () -> assertEquals(USER, user.getCoreSchema().getId()),
        () -> assertEquals(Map.of(enterprise, false, password, false), user.getSchemaExtensions()),
        () -> assertEquals("User", user.toScimResource().getId()));
  }

  @Test
  void groupResourceTypeHasNoExtensions() {
    ResourceTypeDefinition group = REGISTRY.resourceType("Group").orElseThrow();
    assertEquals("/Groups", group.getEndpoint());
    assertEquals(GROUP, group.getCoreSchema().getId());
    assertTrue(group.getSchemaExtensions().isEmpty());
  }

  @Test
  void findsResourceTypesByEndpointWithOrWithoutSlashButNotIgnoringCase() {
    ResourceTypeDefinition user = REGISTRY.resourceType("User").orElseThrow();
    assertSame(user, REGISTRY.resourceTypeByEndpoint("/Users").orElseThrow());
    assertSame(user, REGISTRY.resourceTypeByEndpoint("Users").orElseThrow());
    assertTrue(REGISTRY.resourceTypeByEndpoint("/users").isEmpty());
    assertTrue(REGISTRY.resourceType("Device").isEmpty());
  }

  @Test
  void resourceTypeJsonIsTheFileAsLoadedAndACopy() {
    ObjectNode json = REGISTRY.resourceTypeJson("user");
    assertEquals("/Users", json.path("endpoint").asText());
    assertEquals(ENTERPRISE, json.path("schemaExtensions").path(0).path("schema").asText());
    assertFalse(json.path("schemaExtensions").path(0).path("required").asBoolean(true));

    json.put("endpoint", "/Changed");
    assertEquals("/Users", REGISTRY.resourceTypeJson("User").path("endpoint").asText());
    assertThrows(NoSuchElementException.class, () -> REGISTRY.resourceTypeJson("Device"));
  }

  @Test
  void userAttributesHaveTheRfcCharacteristics() {
    AttributeDefinition userName = attribute(USER, "userName");
    AttributeDefinition password = attribute(USER, "password");
    assertAll(
        () -> assertTrue(userName.isRequired()),
        () -> assertFalse(userName.isCaseExact()),
        () -> assertEquals(Uniqueness.SERVER, userName.getUniqueness()),
        () -> assertEquals(Mutability.WRITE_ONLY, password.getMutability()),
        () -> assertEquals(Returned.NEVER, password.getReturned()),
        () -> assertEquals(Type.BINARY, attribute(USER, "x509Certificates.value").getType()),
        () -> assertEquals(List.of("work", "home", "other"),
            attribute(USER, "emails.type").getCanonicalValues()),
        () -> assertEquals(List.of("external"), attribute(USER, "photos.value").getReferenceTypes()));
  }

  @Test
  void passwordExtensionAttributesAreWriteOnlyAndNeverReturnedThroughout() {
    SchemaResource password = REGISTRY.schema(PASSWORD).orElseThrow();
    assertEquals(List.of("resetPassword", "resetTemplate", "resetValidForSeconds",
        "mustChangePassword", "skipMfaUntil", "passwordHash"), names(password.getAttributes()));
    for (AttributeDefinition attribute : password.getAttributes()) {
      List<AttributeDefinition> all = new ArrayList<>(List.of(attribute));
      if (attribute.getSubAttributes() != null) {
        all.addAll(attribute.getSubAttributes());
      }
      all.forEach(each -> assertAll(each.getName(),
          () -> assertEquals(Mutability.WRITE_ONLY, each.getMutability()),
          () -> assertEquals(Returned.NEVER, each.getReturned())));
    }
    assertEquals(List.of("argon2", "bcrypt", "md5", "phpass", "sha", "scrypt", "scrypt-modified"),
        attribute(PASSWORD, "passwordHash.algorithm").getCanonicalValues());
  }

  @Test
  void roleAndEntitlementAreReadOnlyResourceTypesOfTheDraft() {
    assertEquals("/Roles", REGISTRY.resourceType("Role").orElseThrow().getEndpoint());
    assertEquals(ENTITLEMENT,
        REGISTRY.resourceType("Entitlement").orElseThrow().getCoreSchema().getId());
    for (String urn : List.of(ROLE, ENTITLEMENT)) {
      assertTrue(attribute(urn, "value").isRequired(), urn);
      REGISTRY.schema(urn).orElseThrow().getAttributes().forEach(attribute ->
          assertEquals(Mutability.READ_ONLY, attribute.getMutability(), attribute.getName()));
    }
  }

  @Test
  void groupsOfAUserAreReadOnlyThroughout() {
    AttributeDefinition groups = attribute(USER, "groups");
    assertEquals(Mutability.READ_ONLY, groups.getMutability());
    assertEquals(List.of("value", "$ref", "display", "type"), names(groups.getSubAttributes()));
    groups.getSubAttributes().forEach(sub -> assertEquals(Mutability.READ_ONLY, sub.getMutability(),
        sub.getName()));
    assertEquals(List.of("direct", "indirect"), attribute(USER, "groups.type").getCanonicalValues());
    assertEquals(List.of("User", "Group"), attribute(USER, "groups.$ref").getReferenceTypes());
  }

  @Test
  void aBackendCanReturnCostlyAttributesOnRequestOnly() {
    SchemaRegistry served = REGISTRY.returningOnRequest("User", Set.of("Groups", "roles", "password"));
    Map<String, Returned> returned = new java.util.HashMap<>();
    served.schema(USER).orElseThrow().getAttributes()
        .forEach(each -> returned.put(each.getName(), each.getReturned()));
    assertAll(
        () -> assertEquals(Returned.REQUEST, returned.get("groups")),
        () -> assertEquals(Returned.REQUEST, returned.get("roles")),
        () -> assertEquals(Returned.NEVER, returned.get("password"), "never stays never"),
        () -> assertEquals(Returned.DEFAULT, returned.get("entitlements")),
        () -> assertEquals(Returned.DEFAULT, attribute(USER, "groups").getReturned(), "the original is unchanged"),
        () -> assertSame(served.schema(USER).orElseThrow(),
            served.resourceType("User").orElseThrow().getCoreSchema(), "the resource type uses the changed schema"),
        () -> assertSame(REGISTRY, REGISTRY.returningOnRequest("User", Set.of())));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> REGISTRY.returningOnRequest("User", Set.of("teams"))).getMessage().contains("teams"));
  }

  @Test
  void everyWritableMultiValuedAttributeOfAUserHasTypeAndPrimary() {
    for (AttributeDefinition attribute : REGISTRY.schema(USER).orElseThrow().getAttributes()) {
      if (attribute.isMultiValued() && attribute.getMutability() == Mutability.READ_WRITE) {
        List<String> names = names(attribute.getSubAttributes());
        assertTrue(names.containsAll(List.of("type", "primary")), attribute.getName() + ": " + names);
        assertEquals(Type.BOOLEAN, attribute(USER, attribute.getName() + ".primary").getType());
      }
    }
  }

  @Test
  void groupAndEnterpriseAttributesHaveTheRfcCharacteristics() {
    assertAll(
        () -> assertTrue(attribute(GROUP, "displayName").isRequired()),
        () -> assertEquals(Mutability.IMMUTABLE, attribute(GROUP, "members.value").getMutability()),
        () -> assertEquals(Mutability.IMMUTABLE, attribute(GROUP, "members.$ref").getMutability()),
        () -> assertEquals(List.of("User", "Group"), attribute(GROUP, "members.type").getCanonicalValues()),
        () -> assertEquals(Mutability.READ_ONLY, attribute(GROUP, "members.display").getMutability()),
        () -> assertEquals(List.of("User"), attribute(ENTERPRISE, "manager.$ref").getReferenceTypes()),
        () -> assertEquals(Mutability.READ_ONLY,
            attribute(ENTERPRISE, "manager.displayName").getMutability()));
  }

  // ---------------------------------------------------------------- SchemaChecker with these definitions

  @Test
  void fullUserExampleIsAValidCreateOnceReadOnlyAttributesAreRemoved() throws Exception {
    SchemaChecker checker = checker("User");
    ObjectNode request = checker.removeReadOnlyAttributes(json(FULL_USER));

    assertFalse(request.has("id") || request.has("meta") || request.has("groups"));
    assertNoIssues(checker.checkCreate(request));
  }

  @Test
  void enterpriseUserExampleIsAValidCreate() throws Exception {
    SchemaChecker checker = checker("User");
    ObjectNode request = checker.removeReadOnlyAttributes(json(ENTERPRISE_USER));

    assertFalse(request.path(ENTERPRISE).path("manager").has("displayName"));
    assertNoIssues(checker.checkCreate(request));
  }

  @Test
  void userWithoutUserNameHasASyntaxIssue() throws Exception {
    ObjectNode user = json("""
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "displayName": "No Name"}
        """);
    List<String> issues = checker("User").checkCreate(user).getSyntaxIssues();
    assertEquals(1, issues.size(), issues.toString());
    assertTrue(issues.get(0).contains("userName"), issues.get(0));
  }

  @Test
  void userWithAnUndefinedAttributeHasASyntaxIssue() throws Exception {
    ObjectNode user = json("""
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "ama", "shoeSize": 38}
        """);
    List<String> issues = checker("User").checkCreate(user).getSyntaxIssues();
    assertEquals(1, issues.size(), issues.toString());
    assertTrue(issues.get(0).contains("shoeSize"), issues.get(0));
  }

  @Test
  void canonicalValuesAreEnforcedButCompareIgnoringCaseUnlessCaseExact() throws Exception {
    SchemaChecker checker = checker("User");
    ObjectNode upperCase = json("""
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "ama",
         "emails": [{"value": "ama@example.org", "type": "WORK"}]}
        """);
    ObjectNode unknown = json("""
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "ama",
         "emails": [{"value": "ama@example.org", "type": "personal"}]}
        """);
    assertNoIssues(checker.checkCreate(upperCase));
    assertEquals(1, checker.checkCreate(unknown).getSyntaxIssues().size());
  }

  @Test
  void groupWithMembersIsAValidCreate() throws Exception {
    SchemaChecker checker = checker("Group");
    ObjectNode request = checker.removeReadOnlyAttributes(json(GROUP_WITH_MEMBERS));

    assertFalse(request.path("members").path(0).has("display"));
    assertNoIssues(checker.checkCreate(request));
  }

  @Test
  void groupWithoutDisplayNameHasASyntaxIssue() throws Exception {
    ObjectNode group = json("""
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "members": []}
        """);
    assertEquals(1, checker("Group").checkCreate(group).getSyntaxIssues().size());
  }

  // ---------------------------------------------------------------- other modules' indexes and failures

  @Test
  void anotherModuleCanAddSchemasAndResourceTypesWithItsOwnIndex() throws IOException {
    writeIndex("resource-types/device.json", "schemas/device.json");
    write("resource-types/device.json", DEVICE_TYPE);
    write("schemas/device.json", DEVICE_SCHEMA);

    SchemaRegistry registry = load(shippedRoot(), temp);

    assertEquals(List.of(USER, GROUP, ENTERPRISE, PASSWORD, ROLE, ENTITLEMENT, AUDIT_EVENT,
            "urn:example:scim:schemas:Device"),
        registry.schemas().stream().map(SchemaResource::getId).toList());
    assertEquals("/Devices", registry.resourceType("device").orElseThrow().getEndpoint());
    assertEquals("/Users", registry.resourceType("User").orElseThrow().getEndpoint());
  }

  @Test
  void resourceTypeNamingAMissingSchemaFailsNamingFileAndSchema() throws IOException {
    writeIndex("resource-types/device.json");
    write("resource-types/device.json", DEVICE_TYPE);

    String message = assertThrows(IllegalStateException.class, () -> load(temp)).getMessage();
    assertTrue(message.contains("resource-types/device.json"), message);
    assertTrue(message.contains("urn:example:scim:schemas:Device"), message);
  }

  @Test
  void duplicateSchemaIdFailsNamingBothFiles() throws IOException {
    writeIndex("schemas/device.json", "schemas/device-again.json");
    write("schemas/device.json", DEVICE_SCHEMA);
    write("schemas/device-again.json", DEVICE_SCHEMA);

    String message = assertThrows(IllegalStateException.class, () -> load(temp)).getMessage();
    assertTrue(message.contains("device-again.json: duplicate schema id urn:example:scim:schemas:Device"),
        message);
    assertTrue(message.matches(".*already defined by \\S+/schemas/device\\.json"), message);
  }

  @Test
  void duplicateResourceTypeIdFails() throws IOException {
    writeIndex("schemas/device.json", "resource-types/device.json", "resource-types/device2.json");
    write("schemas/device.json", DEVICE_SCHEMA);
    write("resource-types/device.json", DEVICE_TYPE);
    write("resource-types/device2.json", DEVICE_TYPE.replace("/Devices", "/Gadgets"));

    String message = assertThrows(IllegalStateException.class, () -> load(temp)).getMessage();
    assertTrue(message.contains("device2.json: duplicate resource type id Device"), message);
  }

  @Test
  void duplicateEndpointFails() throws IOException {
    writeIndex("schemas/device.json", "resource-types/device.json", "resource-types/gadget.json");
    write("schemas/device.json", DEVICE_SCHEMA);
    write("resource-types/device.json", DEVICE_TYPE);
    write("resource-types/gadget.json", DEVICE_TYPE.replace("\"Device\"", "\"Gadget\""));

    String message = assertThrows(IllegalStateException.class, () -> load(temp)).getMessage();
    assertTrue(message.contains("gadget.json: duplicate endpoint /Devices"), message);
  }

  @Test
  void listedFileThatIsMissingOrBrokenFailsNamingIt() throws IOException {
    writeIndex("schemas/absent.json");
    String missing = assertThrows(IllegalStateException.class, () -> load(temp)).getMessage();
    assertTrue(missing.contains("schemas/absent.json"), missing);

    writeIndex("schemas/broken.json");
    write("schemas/broken.json", DEVICE_SCHEMA.replace("\"string\"", "\"colour\""));
    String broken = assertThrows(IllegalStateException.class, () -> load(temp)).getMessage();
    assertTrue(broken.contains("schemas/broken.json") && broken.contains("attributes[0]"), broken);
  }

  /** The SDK's SchemaChecker reads an empty list as "no value is canonical" and refuses every value. */
  @Test
  void emptyCanonicalValuesAreRefused() throws IOException {
    writeIndex("schemas/device.json");
    write("schemas/device.json",
        DEVICE_SCHEMA.replace("\"caseExact\"", "\"canonicalValues\": [], \"caseExact\""));

    String message = assertThrows(IllegalStateException.class, () -> load(temp)).getMessage();
    assertTrue(message.contains("serialNumber") && message.contains("canonicalValues"), message);
  }

  @Test
  void noIndexAtAllFails() {
    assertThrows(IllegalStateException.class, () -> load(temp));
  }

  // ---------------------------------------------------------------- helpers

  private static SchemaChecker checker(String resourceType) {
    return new SchemaChecker(REGISTRY.resourceType(resourceType).orElseThrow());
  }

  /** Reads JSON the way the gateway does, with the SDK's reader (its objects ignore key case). */
  private static ObjectNode json(String text) throws IOException {
    return (ObjectNode) JsonUtils.getObjectReader().readTree(text);
  }

  private static void assertNoIssues(SchemaChecker.Results results) {
    assertAll(
        () -> assertEquals(List.of(), results.getSyntaxIssues()),
        () -> assertEquals(List.of(), results.getMutabilityIssues()),
        () -> assertEquals(List.of(), results.getPathIssues()),
        () -> assertEquals(List.of(), results.getFilterIssues()));
  }

  /** An attribute by dotted path, such as {@code "emails.type"}. */
  private static AttributeDefinition attribute(String schemaId, String path) {
    String[] names = path.split("\\.");
    AttributeDefinition found = named(REGISTRY.schema(schemaId).orElseThrow().getAttributes(), names[0]);
    return names.length == 1 ? found : named(found.getSubAttributes(), names[1]);
  }

  private static AttributeDefinition named(Collection<AttributeDefinition> attributes, String name) {
    return attributes.stream().filter(a -> a.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no attribute " + name));
  }

  private static List<String> names(Collection<AttributeDefinition> attributes) {
    return attributes.stream().map(AttributeDefinition::getName).toList();
  }

  private void writeIndex(String... paths) throws IOException {
    write("schemas.index", "# test index\n\n" + String.join("\n", paths) + "\n");
  }

  private void write(String path, String content) throws IOException {
    Path file = temp.resolve(SchemaIndexLoader.DIRECTORY).resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /** The class-path root holding this module's own index (target/classes). */
  private static Path shippedRoot() throws IOException {
    URL index = SchemaRegistry.class.getClassLoader().getResource(SchemaIndexLoader.INDEX);
    try {
      return Path.of(index.toURI()).getParent().getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /** Loads from these roots only: the parent loader is the bootstrap loader, which has no index. */
  private static SchemaRegistry load(Path... roots) throws IOException {
    URL[] urls = new URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      urls[i] = roots[i].toUri().toURL();
    }
    try (URLClassLoader loader = new URLClassLoader(urls, null)) {
      return SchemaRegistry.load(loader);
    }
  }

  // ---------------------------------------------------------------- test data (values invented)

  /** Same shape as the full User of RFC 7643 section 8.2. */
  private static final String FULL_USER = """
      {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": "5f1c2a9e-8d34-4b7a-a1c6-0e9d2b7f4c11",
        "externalId": "kmensah",
        "meta": {
          "resourceType": "User",
          "created": "2021-03-14T09:26:53Z",
          "lastModified": "2023-11-02T17:05:12Z",
          "version": "W/\\"a330bc54f0671c9\\"",
          "location": "https://scim.example.org/v2/Users/5f1c2a9e-8d34-4b7a-a1c6-0e9d2b7f4c11"
        },
        "name": {
          "formatted": "Mr. Kwame Ato Mensah, Jr.",
          "familyName": "Mensah",
          "givenName": "Kwame",
          "middleName": "Ato",
          "honorificPrefix": "Mr.",
          "honorificSuffix": "Jr."
        },
        "userName": "kmensah",
        "displayName": "Kwame Mensah",
        "nickName": "Kojo",
        "profileUrl": "https://people.example.org/kmensah",
        "emails": [
          {"value": "kmensah@example.org", "type": "work", "primary": true},
          {"value": "kojo@home.example", "type": "home"}
        ],
        "addresses": [
          {
            "type": "work",
            "streetAddress": "12 Liberation Road",
            "locality": "Accra",
            "region": "Greater Accra",
            "postalCode": "GA-183",
            "country": "GH",
            "formatted": "12 Liberation Road\\nAccra, Greater Accra GA-183 GH",
            "primary": true
          },
          {
            "type": "home",
            "streetAddress": "7 Palm Street",
            "locality": "Tema",
            "region": "Greater Accra",
            "postalCode": "GT-021",
            "country": "GH",
            "formatted": "7 Palm Street\\nTema, Greater Accra GT-021 GH"
          }
        ],
        "phoneNumbers": [
          {"value": "tel:+233-30-555-0142", "type": "work"},
          {"value": "tel:+233-24-555-0199", "type": "mobile"}
        ],
        "ims": [{"value": "kmensah@chat.example.org", "type": "xmpp"}],
        "photos": [
          {"value": "https://photos.example.org/kmensah/full.jpg", "type": "photo"},
          {"value": "https://photos.example.org/kmensah/small.jpg", "type": "thumbnail"}
        ],
        "userType": "Employee",
        "title": "Head of Finance",
        "preferredLanguage": "en-GB",
        "locale": "en-GH",
        "timezone": "Africa/Accra",
        "active": true,
        "password": "c0rrect-h0rse-battery",
        "groups": [
          {
            "value": "0b3d8e71-2c5a-4f08-9e6b-7a1d4c2f9e30",
            "$ref": "https://scim.example.org/v2/Groups/0b3d8e71-2c5a-4f08-9e6b-7a1d4c2f9e30",
            "display": "Finance"
          },
          {
            "value": "c7a4e2d9-51b8-4e3f-8d06-2f9b7c1a5e44",
            "$ref": "https://scim.example.org/v2/Groups/c7a4e2d9-51b8-4e3f-8d06-2f9b7c1a5e44",
            "display": "Budget Committee"
          }
        ],
        "x509Certificates": [
          {"value": "Tm90IGEgcmVhbCBjZXJ0aWZpY2F0ZTsgaW52ZW50ZWQgdGVzdCBieXRlcy4="}
        ]
      }
      """;

  /** Same shape as the enterprise User of RFC 7643 section 8.3, trimmed to what it adds. */
  private static final String ENTERPRISE_USER = """
      {
        "schemas": [
          "urn:ietf:params:scim:schemas:core:2.0:User",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
        ],
        "userName": "afrimpong",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
          "employeeNumber": "40117",
          "costCenter": "CC-220",
          "organization": "Example Holdings",
          "division": "Operations",
          "department": "Finance",
          "manager": {
            "value": "5f1c2a9e-8d34-4b7a-a1c6-0e9d2b7f4c11",
            "$ref": "../Users/5f1c2a9e-8d34-4b7a-a1c6-0e9d2b7f4c11",
            "displayName": "Kwame Mensah"
          }
        }
      }
      """;

  private static final String GROUP_WITH_MEMBERS = """
      {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "displayName": "Finance",
        "members": [
          {
            "value": "5f1c2a9e-8d34-4b7a-a1c6-0e9d2b7f4c11",
            "$ref": "https://scim.example.org/v2/Users/5f1c2a9e-8d34-4b7a-a1c6-0e9d2b7f4c11",
            "type": "User",
            "display": "Kwame Mensah"
          },
          {
            "value": "c7a4e2d9-51b8-4e3f-8d06-2f9b7c1a5e44",
            "$ref": "https://scim.example.org/v2/Groups/c7a4e2d9-51b8-4e3f-8d06-2f9b7c1a5e44",
            "type": "Group"
          }
        ]
      }
      """;

  private static final String DEVICE_SCHEMA = """
      {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
        "id": "urn:example:scim:schemas:Device",
        "name": "Device",
        "description": "A managed device",
        "attributes": [
          {"name": "serialNumber", "type": "string", "multiValued": false, "required": true,
           "caseExact": true, "mutability": "immutable", "returned": "default", "uniqueness": "server"}
        ]
      }
      """;

  private static final String DEVICE_TYPE = """
      {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        "id": "Device",
        "name": "Device",
        "endpoint": "/Devices",
        "schema": "urn:example:scim:schemas:Device"
      }
      """;
}
