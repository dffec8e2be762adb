package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Entra's {@code aadOptscim062020} PATCH names attributes by path inside a path-less value:
 * {@code {"op": "replace", "value": {"name.givenName": "Ravi", "urn:...:User:employeeNumber": "7"}}}.
 * Each such key becomes its own operation with that path; the other keys stay where they were.
 */
final class DottedValueKeys {

  private DottedValueKeys() {
  }

  static ArrayNode split(ArrayNode operations) {
    ArrayNode result = operations.arrayNode();
    for (JsonNode operation : operations) {
      if (operation.hasNonNull("path") || !(operation.get("value") instanceof ObjectNode value)) {
        result.add(operation);
        continue;
      }
      ArrayNode byPath = operations.arrayNode();
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (isPath(field.getKey(), field.getValue())) {
          ObjectNode single = operation.deepCopy();
          single.put("path", field.getKey()).set("value", field.getValue());
          byPath.add(single);
          fields.remove();
        }
      }
      if (!value.isEmpty()) {
        result.add(operation);
      }
      result.addAll(byPath);
    }
    return result;
  }

  /** A dotted name, or a URN with an attribute after the schema (its value then is not an object). */
  private static boolean isPath(String key, JsonNode value) {
    return key.startsWith("urn:") ? !value.isObject() : key.contains(".");
  }
}
