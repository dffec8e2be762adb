package io.scimgateway.emulator.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One verb call: its JSON body in snake_case, read as the server's proto parsing reads it: a field the request
 * message does not have is {@code ERROR_INVALID_PARAMETER}, a value of the wrong type
 * {@code ERROR_INVALID_PARAMETER_TYPE}, a missing required field {@code ERROR_REQUIRED_PARAMETER}.
 */
final class SpaceoneCall {

  private final String verb;
  private final ObjectNode body;

  private SpaceoneCall(String verb, ObjectNode body) {
    this.verb = verb;
    this.body = body;
  }

  static SpaceoneCall parse(String verb, byte[] bytes, ObjectMapper json) {
    if (bytes.length == 0) {
      return new SpaceoneCall(verb, json.createObjectNode());
    }
    try {
      JsonNode body = json.readTree(bytes);
      if (body instanceof ObjectNode object) {
        return new SpaceoneCall(verb, object);
      }
    } catch (IOException e) {
      // answered below
    }
    throw SpaceoneError.invalid("ERROR_INVALID_ARGUMENT", "The request body is not a JSON object.");
  }

  String verb() {
    return verb;
  }

  ObjectNode body() {
    return body;
  }

  /** Refuses fields the request message does not have ({@code domain_id} is always accepted). */
  SpaceoneCall allow(Set<String> fields) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name) && !name.equals("domain_id")) {
        throw SpaceoneError.invalidParameter(name, "unknown field of the " + verb + " request");
      }
    }
    return this;
  }

  boolean has(String key) {
    return body.hasNonNull(key);
  }

  String required(String key) {
    String value = optional(key);
    if (value == null || value.isEmpty()) {
      throw SpaceoneError.required(key);
    }
    return value;
  }

  /** A string field, or null when absent. */
  String optional(String key) {
    JsonNode value = body.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw SpaceoneError.parameterType(key, "str");
    }
    return value.asText();
  }

  boolean flag(String key) {
    JsonNode value = body.get(key);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw SpaceoneError.parameterType(key, "bool");
    }
    return value.asBoolean();
  }

  /** A Struct field, or null when absent. */
  ObjectNode object(String key) {
    JsonNode value = body.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw SpaceoneError.parameterType(key, "dict");
    }
    return (ObjectNode) value;
  }

  /** A repeated string field; empty when absent. */
  List<String> strings(String key) {
    JsonNode value = body.get(key);
    List<String> values = new ArrayList<>();
    if (value == null || value.isNull()) {
      return values;
    }
    if (!value.isArray()) {
      throw SpaceoneError.parameterType(key, "list");
    }
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw SpaceoneError.parameterType(key, "list of str");
      }
      values.add(item.asText());
    }
    return values;
  }
}
