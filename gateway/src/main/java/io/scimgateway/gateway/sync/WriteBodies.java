package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.gateway.sync.SyncPlan.AttributeChange;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The SCIM bodies sync sends: a new User, a new Group, and PatchOp requests (RFC 7644 section 3.5.2). */
final class WriteBodies {

  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String MANAGER = SyncMapping.ENTERPRISE + ":manager";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private WriteBodies() {}

  /** A joiner; {@code managerRef} is the manager's id or {@code bulkId:x}, or null. */
  static ObjectNode user(DesiredUser user, String managerRef) {
    ObjectNode resource = JSON.objectNode();
    Set<String> schemas = new LinkedHashSet<>(List.of(USER));
    user.values().forEach((path, value) -> {
      if (value != null) {
        path.write(resource, value);
        if (path.urn() != null) {
          schemas.add(path.urn());
        }
      }
    });
    if (managerRef != null) {
      schemas.add(SyncMapping.ENTERPRISE);
      ObjectNode enterprise = resource.has(SyncMapping.ENTERPRISE)
          ? (ObjectNode) resource.get(SyncMapping.ENTERPRISE) : resource.putObject(SyncMapping.ENTERPRISE);
      enterprise.putObject("manager").put("value", managerRef);
    }
    ArrayNode array = JSON.arrayNode();
    schemas.forEach(array::add);
    resource.set("schemas", array);
    return resource;
  }

  static ObjectNode group(String displayName) {
    ObjectNode group = JSON.objectNode();
    group.putArray("schemas").add(GROUP);
    return group.put("displayName", displayName);
  }

  static ObjectNode patch(ArrayNode operations) {
    ObjectNode patch = JSON.objectNode();
    patch.putArray("schemas").add(PATCH_OP);
    patch.set("Operations", operations);
    return patch;
  }

  /**
   * Operations changing exactly the attributes that differ: replace, remove, or add a typed value
   * ({@code emails} with {@code type: work}) that is not there yet, all sub-attributes of one new
   * value in one add.
   */
  static ArrayNode changes(List<AttributeChange> changes) {
    ArrayNode operations = JSON.arrayNode();
    Map<String, ObjectNode> newValues = new LinkedHashMap<>();
    for (AttributeChange change : changes) {
      AttributePath path = change.path();
      if (change.after() == null) {
        operations.addObject().put("op", "remove").put("path", path.text());
      } else if (path.valueType() != null && !change.typedValueExists()) {
        newValues.computeIfAbsent(path.multiValuedPath() + "\u0000" + path.valueType(), k -> {
          ObjectNode value = JSON.objectNode().put("type", path.valueType());
          operations.addObject().put("op", "add").put("path", path.multiValuedPath())
              .putArray("value").add(value);
          return value;
        }).set(path.subAttribute(), change.after());
      } else {
        operations.addObject().put("op", "replace").put("path", path.text()).set("value", change.after());
      }
    }
    return operations;
  }

  static ObjectNode managerOperation(String managerId) {
    if (managerId == null) {
      return JSON.objectNode().put("op", "remove").put("path", MANAGER);
    }
    ObjectNode op = JSON.objectNode().put("op", "replace").put("path", MANAGER);
    op.putObject("value").put("value", managerId);
    return op;
  }

  static ObjectNode deactivate() {
    ArrayNode operations = JSON.arrayNode();
    operations.addObject().put("op", "replace").put("path", "active").put("value", false);
    return patch(operations);
  }

  static ObjectNode addMembers(List<String> ids) {
    ArrayNode operations = JSON.arrayNode();
    ArrayNode values = operations.addObject().put("op", "add").put("path", "members").putArray("value");
    ids.forEach(id -> values.addObject().put("value", id));
    return patch(operations);
  }

  static ObjectNode removeMembers(List<String> ids) {
    ArrayNode operations = JSON.arrayNode();
    ids.forEach(id -> operations.addObject().put("op", "remove")
        .put("path", "members[value eq " + quoted(id) + "]"));
    return patch(operations);
  }

  private static String quoted(String text) {
    return JSON.textNode(text).toString();
  }
}
