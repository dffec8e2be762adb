package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Subset matching of a response body against what an identity provider relies on. Every key of an
 * expected object must be present in the actual object with a matching value; objects match
 * recursively; arrays must have the same length and match element by element in order. Numbers
 * match by value but never a string; {@code "${any}"} matches any present, non-null value;
 * {@code "${absent}"} matches a missing or null value; an expected array whose first element is
 * {@code "${unordered}"} matches the remaining elements in any order (same count).
 */
final class BodyMatcher {

  static final String ANY = "${any}";
  static final String ABSENT = "${absent}";
  static final String UNORDERED = "${unordered}";

  private BodyMatcher() {
  }

  /** The mismatches found, each naming the JSON path; empty when {@code actual} matches. */
  static List<String> mismatches(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    match(expected, actual, "$", out);
    return out;
  }

  static boolean matches(JsonNode expected, JsonNode actual) {
    return mismatches(expected, actual).isEmpty();
  }

  private static void match(JsonNode expected, JsonNode actual, String path, List<String> out) {
    boolean present = actual != null && !actual.isMissingNode() && !actual.isNull();
    if (expected.isTextual() && ABSENT.equals(expected.textValue())) {
      if (present) {
        out.add(path + ": expected absent, was " + actual);
      }
      return;
    }
    if (expected.isTextual() && ANY.equals(expected.textValue())) {
      if (!present) {
        out.add(path + ": expected a value, was missing");
      }
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      out.add(path + ": expected " + expected + ", was missing");
      return;
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        out.add(path + ": expected an object, was " + actual);
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        match(field.getValue(), actual.path(field.getKey()), path + "." + field.getKey(), out);
      }
    } else if (expected.isArray()) {
      matchArray(expected, actual, path, out);
    } else if (expected.isNumber() && actual.isNumber()) {
      if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        out.add(path + ": expected " + expected + ", was " + actual);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + ", was " + actual);
    }
  }

  private static void matchArray(JsonNode expected, JsonNode actual, String path, List<String> out) {
    if (!actual.isArray()) {
      out.add(path + ": expected an array, was " + actual);
      return;
    }
    boolean unordered = expected.size() > 0 && expected.get(0).isTextual()
        && UNORDERED.equals(expected.get(0).textValue());
    List<JsonNode> wanted = new ArrayList<>();
    expected.forEach(wanted::add);
    if (unordered) {
      wanted.remove(0);
    }
    if (wanted.size() != actual.size()) {
      out.add(path + ": expected " + wanted.size() + " elements, was " + actual.size() + ": " + actual);
      return;
    }
    if (!unordered) {
      for (int i = 0; i < wanted.size(); i++) {
        match(wanted.get(i), actual.get(i), path + "[" + i + "]", out);
      }
      return;
    }
    // Any order: find an assignment of actual elements to expected ones (small arrays; backtracking).
    if (!assign(wanted, actual, 0, new boolean[actual.size()])) {
      out.add(path + ": no ordering of " + actual + " matches " + wanted);
    }
  }

  private static boolean assign(List<JsonNode> wanted, JsonNode actual, int next, boolean[] used) {
    if (next == wanted.size()) {
      return true;
    }
    for (int i = 0; i < actual.size(); i++) {
      if (!used[i] && matches(wanted.get(next), actual.get(i))) {
        used[i] = true;
        if (assign(wanted, actual, next + 1, used)) {
          return true;
        }
        used[i] = false;
      }
    }
    return false;
  }
}
