package io.scimgateway.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** Versions change with the content and only with it, whatever order the keys come in. */
class ResourceVersionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UPDATED = "2026-01-31T08:00:00.123+00:00";
  private static final String LOCAL = """
      {"externalId": "00u1ab",
       "name": {"givenName": "Zoë", "familyName": "Ødegaard"},
       "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
         {"employeeNumber": "701984", "manager": {"value": "64f1c2", "displayName": "Ann"}},
       "roles": [{"value": "admin", "primary": true}, {"value": "auditor"}]}
      """;
  private static final String LOCAL_REORDERED = """
      {"roles": [{"primary": true, "value": "admin"}, {"value": "auditor"}],
       "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
         {"manager": {"displayName": "Ann", "value": "64f1c2"}, "employeeNumber": "701984"},
       "name": {"familyName": "Ødegaard", "givenName": "Zoë"},
       "externalId": "00u1ab"}
      """;

  @Test
  void keyOrderNeverChangesAVersion() throws Exception {
    assertEquals(ResourceVersions.of(UPDATED, json(LOCAL)),
        ResourceVersions.of(UPDATED, json(LOCAL_REORDERED)));
    assertEquals(ResourceVersions.ofContent(json(LOCAL), json("{\"a\": 1, \"b\": 2}")),
        ResourceVersions.ofContent(json(LOCAL_REORDERED), json("{\"b\": 2, \"a\": 1}")));
  }

  @Test
  void aVersionIsShortAndStaysTheSameAcrossReleases() throws Exception {
    String version = ResourceVersions.of(UPDATED, json(LOCAL));
    assertTrue(version.matches("[0-9a-f]{16}"), version);
    assertEquals("3e729d7065a7dc8d", version, "a changed digest would change every ETag on upgrade");
  }

  @Test
  void theVersionChangesWithThePlatformStamp() throws Exception {
    assertNotEquals(ResourceVersions.of(UPDATED, json(LOCAL)),
        ResourceVersions.of("2026-01-31T08:00:00.124+00:00", json(LOCAL)));
  }

  @Test
  void theVersionChangesWithTheLocalAttributes() throws Exception {
    String before = ResourceVersions.of(UPDATED, json(LOCAL));
    ObjectNode renamed = json(LOCAL);
    renamed.with("name").put("givenName", "Zoe");
    ObjectNode rolesReordered = json(LOCAL);
    rolesReordered.set("roles", JSON.createArrayNode()
        .add(rolesReordered.get("roles").get(1)).add(rolesReordered.get("roles").get(0)));

    assertNotEquals(before, ResourceVersions.of(UPDATED, renamed));
    assertNotEquals(before, ResourceVersions.of(UPDATED, rolesReordered));
    assertNotEquals(before, ResourceVersions.of(UPDATED, null));
    assertNotEquals(ResourceVersions.of(UPDATED, null), ResourceVersions.of(UPDATED, json("{}")));
  }

  @Test
  void theContentVersionChangesWithAnyPart() throws Exception {
    JsonNode platform = json("{\"email\": \"zoe@example.com\", \"status\": true}");
    String before = ResourceVersions.ofContent(platform, json(LOCAL));

    assertNotEquals(before, ResourceVersions.ofContent(
        json("{\"email\": \"zoe@example.com\", \"status\": false}"), json(LOCAL)));
    assertNotEquals(before, ResourceVersions.ofContent(platform, json("{}")));
    assertEquals(before, ResourceVersions.ofContent(platform, json(LOCAL)));
  }

  @Test
  void partsDoNotRunTogether() {
    assertNotEquals(ResourceVersions.ofContent(TextNode.valueOf("ab"), TextNode.valueOf("c")),
        ResourceVersions.ofContent(TextNode.valueOf("a"), TextNode.valueOf("bc")));
  }

  @Test
  void aMissingPlatformStampIsRefused() throws Exception {
    ObjectNode local = json(LOCAL);
    assertThrows(NullPointerException.class, () -> ResourceVersions.of(null, local));
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }
}
