package io.scimgateway.emulator.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/** Evaluates filter queries against stored documents. Array attributes accept only contains, isNull, isNotNull. */
final class QueryMatcher {

  private static final Set<String> ARRAY_METHODS = Set.of("contains", "notContains", "isNull", "isNotNull");

  private static final String WORD_SEPARATORS = "[\\s@.+_-]+";

  private final Set<String> arrayAttributes;

  QueryMatcher(Set<String> arrayAttributes) {
    this.arrayAttributes = arrayAttributes;
  }

  void checkApplicable(ListQuery query) {
    if (query.attribute() != null && arrayAttributes.contains(query.attribute())
        && !ARRAY_METHODS.contains(query.method())) {
      throw AppwriteError.invalidQuery("Cannot query " + query.method() + " on attribute \"" + query.attribute()
          + "\" because it is an array.");
    }
    query.children().forEach(this::checkApplicable);
  }

  boolean matches(ObjectNode document, ListQuery query) {
    switch (query.method()) {
      case "and":
        return query.children().stream().allMatch(child -> matches(document, child));
      case "or":
        return query.children().stream().anyMatch(child -> matches(document, child));
      default:
        break;
    }
    JsonNode actual = document.get(query.attribute());
    boolean missing = actual == null || actual.isNull();
    boolean blank = missing || (actual.isTextual() && actual.asText().isEmpty());
    switch (query.method()) {
      case "isNull":
        return blank;
      case "isNotNull":
        return !blank;
      case "contains":
        return contains(actual, query);
      case "notContains":
        return !contains(actual, query);
      default:
        break;
    }
    if (missing) {
      return query.method().equals("notEqual");
    }
    return switch (query.method()) {
      case "equal" -> anyEqual(actual, query);
      case "notEqual" -> !anyEqual(actual, query);
      case "lessThan" -> compare(actual, query.values().get(0)) < 0;
      case "lessThanEqual" -> compare(actual, query.values().get(0)) <= 0;
      case "greaterThan" -> compare(actual, query.values().get(0)) > 0;
      case "greaterThanEqual" -> compare(actual, query.values().get(0)) >= 0;
      case "between" -> between(actual, query);
      case "notBetween" -> !between(actual, query);
      case "startsWith" -> actual.asText().startsWith(query.values().get(0).asText());
      case "notStartsWith" -> !actual.asText().startsWith(query.values().get(0).asText());
      case "endsWith" -> actual.asText().endsWith(query.values().get(0).asText());
      case "notEndsWith" -> !actual.asText().endsWith(query.values().get(0).asText());
      case "search" -> fullTextMatch(actual.asText(), query.values().get(0).asText());
      case "notSearch" -> !fullTextMatch(actual.asText(), query.values().get(0).asText());
      default -> throw AppwriteError.invalidQuery("Query method not valid: " + query.method());
    };
  }

  private static boolean anyEqual(JsonNode actual, ListQuery query) {
    return query.values().stream().anyMatch(value -> compare(actual, value) == 0);
  }

  private static boolean between(JsonNode actual, ListQuery query) {
    return compare(actual, query.values().get(0)) >= 0 && compare(actual, query.values().get(1)) <= 0;
  }

  /** Arrays: any element equals any value. Strings: substring match of any value. */
  private static boolean contains(JsonNode actual, ListQuery query) {
    if (actual == null || actual.isNull()) {
      return false;
    }
    if (actual.isArray()) {
      for (JsonNode element : actual) {
        if (anyEqual(element, query)) {
          return true;
        }
      }
      return false;
    }
    String text = actual.asText();
    return query.values().stream().anyMatch(value -> text.contains(value.asText()));
  }

  /** Every word of the search text must start a word of the field, case-insensitively. */
  static boolean fullTextMatch(String field, String search) {
    String[] words = field.toLowerCase(Locale.ROOT).split(WORD_SEPARATORS);
    for (String term : search.toLowerCase(Locale.ROOT).split(WORD_SEPARATORS)) {
      if (term.isEmpty()) {
        continue;
      }
      boolean found = false;
      for (String word : words) {
        if (word.startsWith(term)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** Numbers by value, booleans false < true, everything else by text. */
  static int compare(JsonNode a, JsonNode b) {
    boolean aNull = a == null || a.isNull();
    boolean bNull = b == null || b.isNull();
    if (aNull || bNull) {
      return aNull == bNull ? 0 : aNull ? -1 : 1;
    }
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.asDouble(), b.asDouble());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return Boolean.compare(a.asBoolean(), b.asBoolean());
    }
    if (a.isBoolean() != b.isBoolean() || a.isNumber() != b.isNumber()) {
      return a.asText().equals(b.asText()) ? 0 : a.asText().compareTo(b.asText());
    }
    return a.asText().compareTo(b.asText());
  }
}
