package io.scimgateway.emulator.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Typed reads of body fields, each wrong type a 400 naming the field; absent and null are the same. */
final class ZidFields {

  private ZidFields() {}

  /** The string, or null when absent. */
  static String optionalString(ObjectNode body, String field) {
    JsonNode value = present(body, field);
    if (value != null && !value.isTextual()) {
      throw ZidError.badRequest(field + " must be a string.");
    }
    return value == null ? null : value.asText();
  }

  static String requiredString(ObjectNode body, String field) {
    String value = optionalString(body, field);
    if (value == null || value.isBlank()) {
      throw ZidError.badRequest(field + " is required.");
    }
    return value;
  }

  static boolean optionalBoolean(ObjectNode body, String field, boolean fallback) {
    JsonNode value = present(body, field);
    if (value != null && !value.isBoolean()) {
      throw ZidError.badRequest(field + " must be a boolean.");
    }
    return value == null ? fallback : value.asBoolean();
  }

  /** The object, or null when absent. */
  static ObjectNode optionalObject(ObjectNode body, String field) {
    JsonNode value = present(body, field);
    if (value != null && !value.isObject()) {
      throw ZidError.badRequest(field + " must be an object.");
    }
    return (ObjectNode) value;
  }

  private static JsonNode present(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value;
  }
}
