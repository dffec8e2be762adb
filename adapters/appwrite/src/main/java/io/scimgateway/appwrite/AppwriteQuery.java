package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Appwrite's JSON query objects ({@code {"method":"equal","attribute":"email","values":[...]}}), and
 * their negations, which Appwrite spells as separate methods.
 */
final class AppwriteQuery {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Each method and the method that selects exactly the documents it does not (values present). */
  private static final Map<String, String> NEGATIONS = Map.ofEntries(
      Map.entry("equal", "notEqual"), Map.entry("notEqual", "equal"),
      Map.entry("startsWith", "notStartsWith"), Map.entry("notStartsWith", "startsWith"),
      Map.entry("endsWith", "notEndsWith"), Map.entry("notEndsWith", "endsWith"),
      Map.entry("contains", "notContains"), Map.entry("notContains", "contains"),
      Map.entry("isNull", "isNotNull"), Map.entry("isNotNull", "isNull"),
      Map.entry("greaterThan", "lessThanEqual"), Map.entry("lessThanEqual", "greaterThan"),
      Map.entry("greaterThanEqual", "lessThan"), Map.entry("lessThan", "greaterThanEqual"));

  private AppwriteQuery() {
  }

  static ObjectNode compare(String method, String attribute, List<JsonNode> values) {
    ObjectNode query = JSON.objectNode().put("method", method).put("attribute", attribute);
    query.putArray("values").addAll(values);
    return query;
  }

  static ObjectNode compare(String method, String attribute, JsonNode value) {
    return compare(method, attribute, List.of(value));
  }

  static ObjectNode compare(String method, String attribute, String value) {
    return compare(method, attribute, JSON.textNode(value));
  }

  /** {@code and} or {@code or} of sub-queries, which Appwrite takes as objects, not strings. */
  static ObjectNode combine(String method, List<ObjectNode> queries) {
    ObjectNode query = JSON.objectNode().put("method", method);
    ArrayNode values = query.putArray("values");
    queries.forEach(values::add);
    return query;
  }

  static ObjectNode limit(int limit) {
    return compare("limit", null, JSON.numberNode(limit)).without("attribute");
  }

  static ObjectNode offset(long offset) {
    return compare("offset", null, JSON.numberNode(offset)).without("attribute");
  }

  static ObjectNode order(String attribute, boolean descending) {
    ObjectNode query = JSON.objectNode().put("method", descending ? "orderDesc" : "orderAsc")
        .put("attribute", attribute);
    query.putArray("values");
    return query;
  }

  /** The query that selects exactly the documents {@code query} does not (De Morgan for and/or). */
  static ObjectNode negate(ObjectNode query) {
    String method = query.get("method").asText();
    if (method.equals("and") || method.equals("or")) {
      List<ObjectNode> negated = new ArrayList<>();
      query.get("values").forEach(child -> negated.add(negate((ObjectNode) child)));
      return combine(method.equals("and") ? "or" : "and", negated);
    }
    String opposite = NEGATIONS.get(method);
    if (opposite == null) {
      throw new IllegalArgumentException("no negation of " + method);
    }
    return query.deepCopy().put("method", opposite);
  }
}
