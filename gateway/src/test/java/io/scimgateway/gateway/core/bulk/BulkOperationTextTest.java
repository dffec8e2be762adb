package io.scimgateway.gateway.core.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a bulk operation's text is searched for: the bulkIds it refers to, and a password reset. */
class BulkOperationTextTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void referencesAreFoundInThePathAndAnyValue() throws Exception {
    BulkOperation operation = operation("""
        {"method": "PATCH", "path": "/Groups/bulkId:team", "data": {"Operations": [{"op": "add",
          "path": "members", "value": [{"value": "bulkId:ann"}, {"value": "bulkId:bob"}]}]}}""");
    assertEquals(Set.of("team", "ann", "bob"), operation.references());
    assertEquals(Set.of(), operation("""
        {"method": "POST", "path": "/Users", "bulkId": "x", "data": {"userName": "bulkId"}}""")
        .references());
  }

  @Test
  void aResetIsFoundByNameInAnyCaseInAFieldOrAValue() throws Exception {
    String create = """
        {"method": "POST", "path": "/Users", "bulkId": "a", "data": {"userName": "ann"}}""";
    assertFalse(BulkProcessor.startsResets(List.of(operation(create))));
    assertTrue(BulkProcessor.startsResets(List.of(operation(create), operation("""
        {"method": "PATCH", "path": "/Users/1", "data": {"Operations": [{"op": "replace",
          "path": "urn:scim-gateway:params:scim:schemas:extension:password:2.0:User:RESETPASSWORD",
          "value": true}]}}"""))));
    assertTrue(BulkProcessor.startsResets(List.of(operation("""
        {"method": "POST", "path": "/Users", "bulkId": "b", "data": {"userName": "bob",
          "urn:scim-gateway:params:scim:schemas:extension:password:2.0:User":
            {"resetPassword": true}}}"""))));
  }

  private static BulkOperation operation(String json) throws Exception {
    return BulkOperation.read(0, JSON.readTree(json));
  }
}
