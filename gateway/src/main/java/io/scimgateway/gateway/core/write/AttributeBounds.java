package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.core.ValueLimits;
import io.scimgateway.schemas.SchemaRegistry;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks a resource about to be stored against what its attributes may hold: {@link ValueLimits}
 * (a string's length, a multi-valued attribute's count) and required strings that are not empty
 * (an empty {@code userName} identifies no one). Each refusal is a {@code 400 invalidValue} naming
 * the attribute and the bound. Thread-safe.
 */
final class AttributeBounds {

  private final ResourceTypeDefinition resourceType;
  private final ValueLimits limits;

  AttributeBounds(ResourceTypeDefinition resourceType, ValueLimits limits) {
    this.resourceType = resourceType;
    this.limits = limits;
  }

  void check(ObjectNode resource) throws BadRequestException {
    for (AttributeDefinition attribute : resourceType.getCoreSchema().getAttributes()) {
      JsonNode value = resource.get(attribute.getName());
      if (attribute.isRequired() && attribute.getType() == AttributeDefinition.Type.STRING
          && value != null && value.isTextual() && value.textValue().isBlank()) {
        throw BadRequestException.invalidValue(attribute.getName() + " is required and must not be "
            + "empty.");
      }
    }
    Iterator<Map.Entry<String, JsonNode>> fields = resource.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      boolean extension = SchemaRegistry.extension(resourceType, field.getKey()).isPresent();
      if (extension && field.getValue() instanceof ObjectNode attributes) {
        Iterator<Map.Entry<String, JsonNode>> inner = attributes.fields();
        while (inner.hasNext()) {
          Map.Entry<String, JsonNode> each = inner.next();
          check(field.getKey() + ":" + each.getKey(), each.getValue());
        }
      } else if (!field.getKey().equals("schemas")) {
        check(field.getKey(), field.getValue());
      }
    }
  }

  private void check(String path, JsonNode value) throws BadRequestException {
    if (value.isTextual() && value.textValue().length() > limits.maxLength(path)) {
      throw BadRequestException.invalidValue(path + " holds " + value.textValue().length()
          + " characters; this gateway accepts at most " + limits.maxLength(path)
          + " (limits.maxStringLength, or limits.attributes).");
    }
    if (value.isArray() && value.size() > limits.maxValues(path)) {
      throw BadRequestException.invalidValue(path + " holds " + value.size() + " values; this "
          + "gateway accepts at most " + limits.maxValues(path)
          + " (limits.maxValues, or limits.attributes).");
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        check(path, element);
      }
    }
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); // none unless an object
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      check(path + "." + field.getKey(), field.getValue());
    }
  }
}
