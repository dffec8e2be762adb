package io.scimgateway.gateway.core.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The text an operation's data carries, field names and text values alike, visited in the tree:
 * a bulk load has thousands of operations, and writing each out as JSON only to search the text
 * was a good share of what a bulk request allocated.
 */
final class JsonTexts {

  private JsonTexts() {
  }

  /** Whether any field name or text value anywhere in the node passes the test. */
  static boolean any(JsonNode node, Predicate<String> test) {
    if (node.isTextual()) {
      return test.test(node.textValue());
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (test.test(field.getKey()) || any(field.getValue(), test)) {
          return true;
        }
      }
      return false;
    }
    for (JsonNode element : node) {
      if (any(element, test)) {
        return true;
      }
    }
    return false;
  }

  static void forEach(JsonNode node, Consumer<String> action) {
    any(node, text -> {
      action.accept(text);
      return false;
    });
  }

  /** Whether the text holds the name, in any case. */
  static boolean containsIgnoringCase(String text, String name) {
    for (int at = 0; at + name.length() <= text.length(); at++) {
      if (text.regionMatches(true, at, name, 0, name.length())) {
        return true;
      }
    }
    return false;
  }
}
