package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 7643 section 2.4: "The primary attribute value 'true' MUST appear no more than once." A request
 * that marks two values primary is refused; a PATCH that adds or marks a new primary value moves
 * primary to it, the way a client that says "this is the primary email now" expects. Thread-safe.
 */
final class PrimaryValues {

  private final List<String> attributes = new ArrayList<>();

  PrimaryValues(ResourceTypeDefinition resourceType) {
    for (AttributeDefinition attribute : resourceType.getCoreSchema().getAttributes()) {
      if (attribute.isMultiValued() && attribute.getSubAttributes() != null
          && attribute.getSubAttributes().stream().anyMatch(s -> s.getName().equals("primary"))) {
        attributes.add(attribute.getName());
      }
    }
  }

  /** Refuses a resource (from POST or PUT) with more than one primary value in an attribute. */
  void requireAtMostOne(ObjectNode resource) throws BadRequestException {
    for (String attribute : attributes) {
      if (primaries(resource.get(attribute)).size() > 1) {
        throw BadRequestException.invalidValue(attribute + ": \"primary\" may be true for one value "
            + "only (RFC 7643 section 2.4).");
      }
    }
  }

  /** After a PATCH: a value that became primary keeps it, the values that were primary lose it. */
  void moveToNew(ObjectNode before, ObjectNode after) throws BadRequestException {
    for (String attribute : attributes) {
      List<ObjectNode> primaries = primaries(after.get(attribute));
      if (primaries.size() < 2) {
        continue;
      }
      List<ObjectNode> old = primaries(before.get(attribute));
      List<ObjectNode> fresh = primaries.stream().filter(p -> !old.contains(p)).toList();
      if (fresh.size() != 1) {
        throw BadRequestException.invalidValue(attribute + ": \"primary\" may be true for one value "
            + "only (RFC 7643 section 2.4); this change would leave " + primaries.size() + ".");
      }
      primaries.stream().filter(p -> p != fresh.get(0)).forEach(p -> p.put("primary", false));
    }
  }

  private static List<ObjectNode> primaries(JsonNode values) {
    List<ObjectNode> primaries = new ArrayList<>();
    if (values != null && values.isArray()) {
      for (JsonNode value : values) {
        if (value instanceof ObjectNode object && object.path("primary").asBoolean(false)) {
          primaries.add(object);
        }
      }
    }
    return primaries;
  }
}
