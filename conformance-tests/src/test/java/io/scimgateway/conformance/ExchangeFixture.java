package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One recorded identity-provider scenario: a description and the steps, each a request as the IdP
 * sends it and the part of the response it relies on. See {@code idp/README.md} for the format.
 */
record ExchangeFixture(String name, String description, List<Step> steps) {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
  private static final List<String> MATCHER_WORDS = List.of("any", "absent", "unordered");

  record Step(String name, String method, String path, String query, Map<String, String> headers,
      JsonNode body, List<Integer> statuses, Map<String, String> responseHeaders, JsonNode responseBody,
      Map<String, String> capture) {
  }

  static ExchangeFixture read(String name, Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": not readable JSON", e);
    }
    List<Step> steps = new ArrayList<>();
    for (JsonNode step : root.path("steps")) {
      JsonNode request = step.path("request");
      JsonNode response = step.path("response");
      Map<String, String> headers = new LinkedHashMap<>();
      request.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
      List<Integer> statuses = new ArrayList<>();
      JsonNode status = response.path("status");
      if (status.isArray()) {
        status.forEach(s -> statuses.add(s.asInt()));
      } else {
        statuses.add(status.asInt());
      }
      Map<String, String> responseHeaders = new LinkedHashMap<>();
      response.path("headers").fields().forEachRemaining(h -> responseHeaders.put(h.getKey(), h.getValue().asText()));
      Map<String, String> capture = new LinkedHashMap<>();
      response.path("capture").fields().forEachRemaining(c -> capture.put(c.getKey(), c.getValue().asText()));
      steps.add(new Step(step.path("name").asText(), request.path("method").asText(),
          request.path("path").asText(), request.hasNonNull("query") ? request.get("query").asText() : null,
          headers, request.get("body"), statuses, responseHeaders, response.get("body"), capture));
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException(name + ": no steps");
    }
    return new ExchangeFixture(name, root.path("description").asText(), steps);
  }

  /** {@code text} with every {@code ${name}} replaced; matcher words are left as they are. */
  static String substitute(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String value;
      if (MATCHER_WORDS.contains(key)) {
        value = m.group();
      } else if (values.containsKey(key)) {
        value = values.get(key);
      } else {
        throw new IllegalStateException("placeholder ${" + key + "} used before it was captured");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A copy of {@code node} with placeholders replaced in every string value. */
  static JsonNode substitute(JsonNode node, Map<String, String> values) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return TextNode.valueOf(substitute(node.textValue(), values));
    }
    if (node.isObject()) {
      ObjectNode copy = MAPPER.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        copy.set(field.getKey(), substitute(field.getValue(), values));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = MAPPER.createArrayNode();
      node.forEach(element -> copy.add(substitute(element, values)));
      return copy;
    }
    return node;
  }

  /** The value at a dotted path ("id", "Resources.0.id"), or a missing node. */
  static JsonNode at(JsonNode root, String dottedPath) {
    JsonNode node = root;
    for (String segment : dottedPath.split("\\.")) {
      node = node.isArray() && segment.matches("\\d+") ? node.path(Integer.parseInt(segment)) : node.path(segment);
    }
    return node;
  }
}
