package io.scimgateway.gateway.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.ScimResourceTrimmer;
import io.scimgateway.schemas.SchemaRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fast default projection drops exactly what the SDK's trimmer drops when nothing is asked for. */
class DefaultProjectionTest {

  private final ResourceTypeDefinition users = SchemaRegistry.load().resourceType("User").orElseThrow();

  @Test
  void agreesWithTheSdkTrimmer() throws Exception {
    ObjectNode user = (ObjectNode) JsonUtils.getObjectReader().readTree("""
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "id": "1", "userName": "a", "password": "secret", "name": {"givenName": "A"},
         "emails": [{"value": "a@example.com", "type": "work"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "7",
           "manager": {"value": "2", "displayName": "B"}},
         "meta": {"resourceType": "User", "version": "W/\\"1\\""}}
        """);
    ObjectNode expected = new ScimResourceTrimmer(users, Set.of(), Set.of(), true)
        .trimObjectNode(user.deepCopy());
    ObjectNode actual = new DefaultProjection(users).apply(user.deepCopy());
    assertFalse(actual.has("password"));
    assertEquals(expected, actual);
  }
}
