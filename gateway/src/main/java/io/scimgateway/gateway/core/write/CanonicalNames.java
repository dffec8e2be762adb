package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.utils.SchemaUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.schemas.SchemaRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Spells every attribute name of a resource as its schema does. SCIM names are case-insensitive (RFC
 * 7643 section 2.1), so a client may send {@code USERNAME} or {@code Name.GivenName}; stored and
 * returned, they are {@code userName} and {@code name.givenName}, which lets a backend find them by
 * exact name. Names no schema defines are left as sent. Thread-safe.
 */
final class CanonicalNames {

  private final List<AttributeDefinition> coreAttributes = new ArrayList<>();
  private final ResourceTypeDefinition resourceType;

  CanonicalNames(ResourceTypeDefinition resourceType) {
    coreAttributes.addAll(SchemaUtils.COMMON_ATTRIBUTE_DEFINITIONS);
    coreAttributes.addAll(resourceType.getCoreSchema().getAttributes());
    this.resourceType = resourceType;
  }

  ObjectNode apply(ObjectNode resource) {
    ObjectNode canonical = resource.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = resource.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      SchemaResource extension = extension(field.getKey());
      if (extension != null && field.getValue() instanceof ObjectNode attributes) {
        canonical.set(extension.getId(), object(attributes, extension.getAttributes()));
      } else if (field.getKey().equalsIgnoreCase("schemas")) {
        canonical.set("schemas", field.getValue());
      } else {
        put(canonical, field.getKey(), field.getValue(), coreAttributes);
      }
    }
    return canonical;
  }

  private static ObjectNode object(ObjectNode node, Collection<AttributeDefinition> definitions) {
    ObjectNode canonical = node.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      put(canonical, field.getKey(), field.getValue(), definitions);
    }
    return canonical;
  }

  private static void put(ObjectNode target, String name, JsonNode value,
      Collection<AttributeDefinition> definitions) {
    AttributeDefinition definition = find(name, definitions);
    if (definition == null) {
      target.set(name, value);
      return;
    }
    target.set(definition.getName(), value(value, definition));
  }

  private static JsonNode value(JsonNode value, AttributeDefinition definition) {
    Collection<AttributeDefinition> subAttributes = definition.getSubAttributes();
    if (subAttributes == null || subAttributes.isEmpty()) {
      return value;
    }
    if (value instanceof ObjectNode object) {
      return object(object, subAttributes);
    }
    if (value instanceof ArrayNode array) {
      ArrayNode canonical = array.arrayNode();
      for (JsonNode element : array) {
        canonical.add(element instanceof ObjectNode object ? object(object, subAttributes) : element);
      }
      return canonical;
    }
    return value;
  }

  private static AttributeDefinition find(String name, Collection<AttributeDefinition> definitions) {
    for (AttributeDefinition definition : definitions) {
      if (definition.getName().equalsIgnoreCase(name)) {
        return definition;
      }
    }
    return null;
  }

  private SchemaResource extension(String name) {
    return SchemaRegistry.extension(resourceType, name).orElse(null);
  }
}
