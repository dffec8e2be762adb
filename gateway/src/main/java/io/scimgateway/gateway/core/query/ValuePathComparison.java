package io.scimgateway.gateway.core.query;

import java.util.Locale;

/**
 * Rewrites Entra's email lookup {@code emails[type eq "work"].value eq "x"}, which RFC 7644's filter
 * grammar does not allow (a value path ends at its closing bracket), into the filter it means:
 * {@code emails[type eq "work" and value eq "x"]}. Text inside string literals is never touched; a
 * filter without the pattern is returned unchanged.
 */
final class ValuePathComparison {

  private ValuePathComparison() {
  }

  static String normalize(String filter) {
    StringBuilder out = new StringBuilder();
    int open = -1;
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (c == '"') {
        int end = endOfString(filter, i);
        out.append(filter, i, end);
        i = end;
        continue;
      }
      if (c == '[') {
        open = out.length();
      }
      if (c == ']' && open >= 0 && i + 1 < filter.length() && filter.charAt(i + 1) == '.') {
        int end = endOfComparison(filter, i + 2);
        if (end > 0) {
          out.append(" and ").append(filter, i + 2, end).append(']');
          i = end;
          open = -1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** The index after {@code sub op value} (or {@code sub pr}) starting at {@code from}, or -1. */
  private static int endOfComparison(String filter, int from) {
    int i = skipWord(filter, from);
    if (i == from) {
      return -1;
    }
    i = skipSpaces(filter, i);
    int operatorStart = i;
    i = skipWord(filter, i);
    String operator = filter.substring(operatorStart, i).toLowerCase(Locale.ROOT);
    if (operator.equals("pr")) {
      return i;
    }
    if (!operator.matches("eq|ne|co|sw|ew|gt|ge|lt|le")) {
      return -1;
    }
    i = skipSpaces(filter, i);
    if (i < filter.length() && filter.charAt(i) == '"') {
      return endOfString(filter, i);
    }
    int valueStart = i;
    while (i < filter.length() && !Character.isWhitespace(filter.charAt(i)) && filter.charAt(i) != ')') {
      i++;
    }
    return i > valueStart ? i : -1;
  }

  private static int skipWord(String filter, int i) {
    while (i < filter.length() && (Character.isLetterOrDigit(filter.charAt(i))
        || filter.charAt(i) == '_' || filter.charAt(i) == '-' || filter.charAt(i) == '$')) {
      i++;
    }
    return i;
  }

  private static int skipSpaces(String filter, int i) {
    while (i < filter.length() && Character.isWhitespace(filter.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index after the string literal that starts at {@code start}. */
  private static int endOfString(String filter, int start) {
    int i = start + 1;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '"') {
        return i + 1;
      }
      i++;
    }
    return filter.length();
  }
}
