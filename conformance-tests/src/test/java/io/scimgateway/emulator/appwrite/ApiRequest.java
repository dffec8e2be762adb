package io.scimgateway.emulator.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.scimgateway.emulator.EmulatorRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One parsed request: method, the path below /v1 split into segments, query parameters (arrays as {@code name[]=} or
 * indexed {@code name[0]=}) and the JSON body.
 */
final class ApiRequest {

  private final String method;
  private final List<String> segments;
  private final Map<String, List<String>> query;
  private final JsonNode body;

  private ApiRequest(String method, List<String> segments, Map<String, List<String>> query, JsonNode body) {
    this.method = method;
    this.segments = segments;
    this.query = query;
    this.body = body;
  }

  static ApiRequest parse(EmulatorRequest request, ObjectMapper json) {
    JsonNode parsedBody = JsonNodeFactory.instance.objectNode();
    if (request.body().length > 0) {
      try {
        parsedBody = json.readTree(request.body());
      } catch (IOException e) {
        throw AppwriteError.invalidArgument("Invalid JSON body.");
      }
      if (!parsedBody.isObject()) {
        throw AppwriteError.invalidArgument("The request body must be a JSON object.");
      }
    }
    return new ApiRequest(request.method(), request.segments(), parseQuery(request.query()), parsedBody);
  }

  private static Map<String, List<String>> parseQuery(List<EmulatorRequest.Parameter> parameters) {
    // Indexed array keys keep their index order: queries[0], queries[1], ... ; "name[]" keeps arrival order.
    Map<String, TreeMap<Integer, String>> indexed = new TreeMap<>();
    Map<String, List<String>> result = new TreeMap<>();
    for (EmulatorRequest.Parameter parameter : parameters) {
      String key = parameter.name();
      String value = parameter.value();
      int bracket = key.indexOf('[');
      if (bracket > 0 && key.endsWith("]")) {
        String name = key.substring(0, bracket);
        String index = key.substring(bracket + 1, key.length() - 1);
        if (index.isEmpty()) {
          result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        } else {
          try {
            indexed.computeIfAbsent(name, k -> new TreeMap<>()).put(Integer.parseInt(index), value);
          } catch (NumberFormatException e) {
            throw AppwriteError.invalidArgument("Invalid array index in parameter \"" + key + "\".");
          }
        }
      } else {
        result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    indexed.forEach((name, values) -> result.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values.values()));
    return result;
  }

  String method() {
    return method;
  }

  /** Path segments after "v1". */
  List<String> segments() {
    return segments.subList(Math.min(1, segments.size()), segments.size());
  }

  boolean isUnderV1() {
    return !segments.isEmpty() && segments.get(0).equals("v1");
  }

  List<String> queryValues(String name) {
    return query.getOrDefault(name, List.of());
  }

  String queryValue(String name) {
    List<String> values = queryValues(name);
    return values.isEmpty() ? null : values.get(values.size() - 1);
  }

  JsonNode body() {
    return body;
  }

  /** A body string parameter, or null when absent or null. */
  String optionalString(String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw AppwriteError.invalidArgument("Invalid `" + name + "` param: Value must be a valid string");
    }
    return node.asText();
  }

  String requiredString(String name) {
    String value = optionalString(name);
    if (value == null) {
      throw AppwriteError.invalidArgument("Param \"" + name + "\" is not optional.");
    }
    return value;
  }

  boolean requiredBoolean(String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      throw AppwriteError.invalidArgument("Param \"" + name + "\" is not optional.");
    }
    if (!node.isBoolean()) {
      throw AppwriteError.invalidArgument("Invalid `" + name + "` param: Value must be a valid boolean");
    }
    return node.asBoolean();
  }

  List<String> requiredStrings(String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      throw AppwriteError.invalidArgument("Param \"" + name + "\" is not optional.");
    }
    if (!node.isArray()) {
      throw AppwriteError.invalidArgument("Invalid `" + name + "` param: Value must be a valid array");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw AppwriteError.invalidArgument("Invalid `" + name + "` param: Value must be an array of strings");
      }
      values.add(item.asText());
    }
    return values;
  }
}
