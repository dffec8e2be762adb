package io.scimgateway.emulator.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One element of {@code queries[]}: {"method": m, "attribute": a, "values": [...]}; "or"/"and" hold sub-queries. */
record ListQuery(String method, String attribute, List<JsonNode> values, List<ListQuery> children) {

  static final int MAX_QUERIES = 100;
  static final int MAX_QUERY_LENGTH = 4096;
  static final int MAX_VALUES = 500;

  static final Set<String> FILTERS = Set.of("equal", "notEqual", "lessThan", "lessThanEqual", "greaterThan",
      "greaterThanEqual", "isNull", "isNotNull", "between", "notBetween", "startsWith", "notStartsWith", "endsWith",
      "notEndsWith", "contains", "notContains", "search", "notSearch");
  static final Set<String> LOGICAL = Set.of("or", "and");
  static final Set<String> ORDERS = Set.of("orderAsc", "orderDesc");
  static final Set<String> PAGING = Set.of("limit", "offset", "cursorAfter", "cursorBefore");
  static final Set<String> COMMON_ATTRIBUTES = Set.of("$id", "$createdAt", "$updatedAt", "$sequence");

  boolean isFilter() {
    return FILTERS.contains(method) || LOGICAL.contains(method);
  }

  /** Parses the raw {@code queries[]} strings, checking methods and attributes against the list's allowed set. */
  static List<ListQuery> parseAll(List<String> raw, Set<String> allowedAttributes, ObjectMapper json) {
    if (raw.size() > MAX_QUERIES) {
      throw AppwriteError.invalidArgument(
          "Invalid `queries` param: Value must be a valid array no longer than " + MAX_QUERIES + " items");
    }
    List<ListQuery> queries = new ArrayList<>();
    for (String text : raw) {
      if (text.length() > MAX_QUERY_LENGTH) {
        throw AppwriteError.invalidArgument("Invalid `queries` param: Value must be a valid string and at most "
            + MAX_QUERY_LENGTH + " chars");
      }
      JsonNode node;
      try {
        node = json.readTree(text);
      } catch (IOException e) {
        throw AppwriteError.invalidQuery("Invalid query: " + text);
      }
      queries.add(parse(node, allowedAttributes, true));
    }
    return queries;
  }

  private static ListQuery parse(JsonNode node, Set<String> allowed, boolean topLevel) {
    if (node == null || !node.isObject() || !node.path("method").isTextual()) {
      throw AppwriteError.invalidQuery("Query must be an object with a method.");
    }
    String method = node.get("method").asText();
    JsonNode valuesNode = node.path("values");
    List<JsonNode> values = new ArrayList<>();
    valuesNode.forEach(values::add);
    if (values.size() > MAX_VALUES) {
      throw AppwriteError.invalidQuery("Query on attribute has more than " + MAX_VALUES + " values.");
    }
    if (LOGICAL.contains(method)) {
      List<ListQuery> children = new ArrayList<>();
      for (JsonNode child : values) {
        ListQuery parsed = parse(child, allowed, false);
        if (!parsed.isFilter()) {
          throw AppwriteError.invalidQuery("Logical queries may only contain filters.");
        }
        children.add(parsed);
      }
      if (children.isEmpty()) {
        throw AppwriteError.invalidQuery(method + " queries require at least one query.");
      }
      return new ListQuery(method, null, List.of(), children);
    }
    boolean paging = PAGING.contains(method);
    if (!paging && !FILTERS.contains(method) && !ORDERS.contains(method)) {
      throw AppwriteError.invalidQuery("Query method not valid: " + method);
    }
    if (paging && !topLevel) {
      throw AppwriteError.invalidQuery("Paging queries are not allowed inside logical queries.");
    }
    String attribute = node.path("attribute").asText("");
    if (!paging && !allowed.contains(attribute) && !COMMON_ATTRIBUTES.contains(attribute)) {
      throw AppwriteError.invalidQuery("Attribute not found in schema: " + attribute);
    }
    checkArity(method, values);
    return new ListQuery(method, paging ? null : attribute, List.copyOf(values), List.of());
  }

  private static void checkArity(String method, List<JsonNode> values) {
    switch (method) {
      case "limit", "offset" -> {
        if (values.size() != 1 || !values.get(0).canConvertToInt() || values.get(0).asInt() < 0) {
          throw AppwriteError.invalidQuery(method + " must be a non-negative integer.");
        }
      }
      case "cursorAfter", "cursorBefore" -> {
        if (values.size() != 1 || !values.get(0).isTextual()) {
          throw AppwriteError.invalidQuery(method + " requires one document id.");
        }
      }
      case "between", "notBetween" -> {
        if (values.size() != 2) {
          throw AppwriteError.invalidQuery(method + " queries require exactly two values.");
        }
      }
      case "isNull", "isNotNull", "orderAsc", "orderDesc" -> { }
      default -> {
        if (values.isEmpty()) {
          throw AppwriteError.invalidQuery(method + " queries require at least one value.");
        }
      }
    }
  }
}
