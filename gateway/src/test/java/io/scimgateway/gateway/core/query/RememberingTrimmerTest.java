package io.scimgateway.gateway.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.ScimResourceTrimmer;
import io.scimgateway.schemas.SchemaRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The trimmer that keeps the SDK's answers returns what the SDK's own trimmer returns, for every
 * resource of a page it walks in turn, whatever the lists ask for or leave out.
 */
class RememberingTrimmerTest {

  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private final ResourceTypeDefinition users = SchemaRegistry.load().resourceType("User").orElseThrow();

  private static final List<String> LISTS = List.of("userName", "name.givenName", "name", "emails",
      "emails.value", "emails.value,emails.primary", "groups", "groups.display", "meta", "meta.version",
      "password", "id", "active,title", ENTERPRISE + ":manager", ENTERPRISE + ":manager.value",
      ENTERPRISE + ":employeeNumber,userName", "userName,name.familyName,emails.type,phoneNumbers",
      "x509Certificates.value", "addresses.locality,addresses");

  @Test
  void answersAsTheSdkTrimmerForEveryResourceOfAPage() throws Exception {
    List<ObjectNode> page = List.of(resource("""
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"],
         "id": "1", "userName": "a", "password": "secret", "active": true, "title": "",
         "name": {"givenName": "A", "familyName": "Z", "formatted": "A Z"},
         "emails": [{"value": "a@example.com", "type": "work", "primary": true}, {"value": "b@example.com"}],
         "phoneNumbers": [],
         "addresses": [{"locality": "Oslo", "type": "work"}, {"type": "home"}],
         "groups": [{"value": "g1", "display": "Staff", "$ref": "../Groups/g1"}],
         "%s": {"employeeNumber": "7", "manager": {"value": "2", "displayName": "B"}},
         "meta": {"resourceType": "User", "version": "W/\\"1\\"", "location": "/Users/1"}}
        """.formatted(ENTERPRISE, ENTERPRISE)), resource("""
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "2", "UserName": "b",
         "name": {}, "emails": [{"type": "home"}], "x509Certificates": [{"value": "TUlJ"}],
         "meta": {"resourceType": "User"}}
        """), resource("""
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"], "id": "3", "userName": "c",
         "%s": {"department": "Sales"}, "emails": [[{"value": "nested@example.com"}]]}
        """.formatted(ENTERPRISE, ENTERPRISE.toUpperCase())));
    for (String list : LISTS) {
      for (boolean excluded : new boolean[] {false, true}) {
        ScimResourceTrimmer sdk = new ScimResourceTrimmer(users, Set.of(), paths(list), excluded);
        RememberingTrimmer remembering = new RememberingTrimmer(sdk);
        for (ObjectNode resource : page) {
          assertEquals(sdk.trimObjectNode(resource.deepCopy()), remembering.trim(resource.deepCopy()),
              (excluded ? "excludedAttributes=" : "attributes=") + list + " on user " + resource.get("id"));
        }
      }
    }
  }

  private Set<Path> paths(String list) throws Exception {
    Set<Path> paths = new LinkedHashSet<>();
    for (String attribute : list.split(",")) {
      paths.add(users.normalizePath(Path.fromString(attribute)).withoutFilters());
    }
    return paths;
  }

  private static ObjectNode resource(String json) throws Exception {
    return (ObjectNode) JsonUtils.getObjectReader().readTree(json);
  }
}
