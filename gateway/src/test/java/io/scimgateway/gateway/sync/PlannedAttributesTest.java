package io.scimgateway.gateway.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What sync keeps of each directory user reads, at every mapped path, as the whole user reads. */
class PlannedAttributesTest {

  private static final List<String> PATHS = List.of("externalId", "name.givenName",
      "emails[type eq \"work\"].value", "phoneNumbers[type eq \"work\"].value",
      "phoneNumbers[type eq \"mobile\"].value", SyncMapping.ENTERPRISE + ":department");

  @Test
  void eachMappedPathReadsAsOnTheWholeUserAndNothingElseIsKept() throws Exception {
    ObjectNode user = (ObjectNode) new ObjectMapper().readTree("""
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "jdoe",
         "externalId": "E1", "active": false, "nickName": "JD",
         "name": {"givenName": "Jane", "familyName": "Doe"},
         "emails": [{"type": "home", "value": "h@example.com"}, {"type": "work", "value": "w@example.com"}],
         "phoneNumbers": [{"type": "work", "display": "no value, typed all the same"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "R&D",
           "manager": {"value": "m-1", "displayName": "Boss"}}}
        """);
    ObjectNode kept = new PlannedAttributes(mapping()).keep(user);
    for (SyncMapping.MappedAttribute attribute : mapping().attributes()) {
      AttributePath path = attribute.path();
      assertEquals(path.read(user), path.read(kept), path.text());
      if (path.valueType() != null) {
        assertEquals(path.hasTypedValue(user), path.hasTypedValue(kept), path.text());
      }
    }
    assertEquals(false, kept.get("active").booleanValue());
    assertEquals("m-1", PlannedAttributes.MANAGER_ID.read(kept).asText());
    assertNull(kept.get("nickName"));
    assertNull(kept.get("userName"), "not mapped here");
    assertFalse(kept.path("name").has("familyName"));
    assertEquals(1, kept.get("emails").size(), "only the work address");
  }

  @Test
  void aServerIsAskedForEachTopLevelAttributeOnce() {
    assertEquals(List.of("externalId", "name", "emails", "phoneNumbers",
        SyncMapping.ENTERPRISE + ":department", "active", SyncMapping.ENTERPRISE + ":manager"),
        List.copyOf(new PlannedAttributes(mapping()).attributeNames()));
  }

  private static SyncMapping mapping() {
    List<SyncMapping.MappedAttribute> attributes = new ArrayList<>();
    for (String path : PATHS) {
      attributes.add(new SyncMapping.MappedAttribute(AttributePath.parse(path),
          new SyncMapping.Column(path, 1, 1), AttributeDefinition.Type.STRING));
    }
    return new SyncMapping(Path.of("mapping.yaml"), attributes, attributes.get(0),
        new SyncMapping.Column("manager_id", 1, 1), null, null, ";",
        SyncMapping.LeaverAction.DEACTIVATE, 0.1);
  }
}
