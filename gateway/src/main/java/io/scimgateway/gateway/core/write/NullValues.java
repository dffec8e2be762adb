package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * RFC 7643 section 2.5: "null" is equivalent to unassigned. In a POST or PUT body an attribute whose
 * value is {@code null} is left out; in a PATCH, {@code replace} with {@code null} removes the
 * attribute and {@code add} of {@code null} adds nothing, whether the null is the operation's value
 * ({@code "path": "phoneNumbers", "value": null}) or a member of a path-less value
 * ({@code "value": {"phoneNumbers": null}}).
 */
final class NullValues {

  /** A schema URN ends in its version and resource type ({@code ...:core:2.0:User}). */
  private static final Pattern SCHEMA_URN = Pattern.compile("(?i)^urn:.*:\\d+\\.\\d+:[^:.]+$");

  private NullValues() {
  }

  /** A copy of {@code node} without null members and null array elements, at any depth. */
  static JsonNode without(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = object.objectNode();
      object.fields().forEachRemaining(field -> {
        if (!field.getValue().isNull()) {
          copy.set(field.getKey(), without(field.getValue()));
        }
      });
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = array.arrayNode();
      array.forEach(element -> {
        if (!element.isNull()) {
          copy.add(without(element));
        }
      });
      return copy;
    }
    return node;
  }

  /** PATCH operations with nulls turned into removals (for replace) or dropped (for add). */
  static ArrayNode inOperations(ArrayNode operations) {
    ArrayNode result = operations.arrayNode();
    for (JsonNode each : operations) {
      if (!(each instanceof ObjectNode operation) || !operation.has("value")
          || operation.path("op").asText().equals("remove")) {
        result.add(each);
        continue;
      }
      boolean replace = operation.path("op").asText().equals("replace");
      String path = operation.path("path").isTextual() ? operation.get("path").textValue() : null;
      JsonNode value = operation.get("value");
      if (value.isNull()) {
        if (replace && path != null) {
          result.addObject().put("op", "remove").put("path", path);
        }
        continue;
      }
      if (replace && value instanceof ObjectNode object && (path == null || !path.contains("["))) {
        removals(object, path, result);
      }
      JsonNode cleaned = without(value);
      if (!(cleaned instanceof ObjectNode object && object.isEmpty() && path == null)) {
        result.add(operation.deepCopy().set("value", cleaned));
      }
    }
    return result;
  }

  /** A remove operation for each null in {@code value}, the value of a replace at {@code path}. */
  private static void removals(ObjectNode value, String path, ArrayNode result) {
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String fieldPath = path == null ? field.getKey()
          : path + (SCHEMA_URN.matcher(path).matches() ? ":" : ".") + field.getKey();
      if (field.getValue().isNull()) {
        result.addObject().put("op", "remove").put("path", fieldPath);
      } else if (field.getValue() instanceof ObjectNode nested) {
        removals(nested, fieldPath, result);
      }
    }
  }
}
