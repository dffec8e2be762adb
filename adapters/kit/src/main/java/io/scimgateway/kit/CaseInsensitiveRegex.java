package io.scimgateway.kit;

import com.unboundid.scim2.common.filters.FilterType;

/**
 * The regular expression for SCIM's {@code eq}, {@code sw}, {@code ew} or {@code co} on a text
 * attribute compared without regard to case (RFC 7644 section 3.4.2.2), for a platform that matches
 * it case-insensitively ({@code $options: "i"}, SpaceONE's {@code regex}): the value is escaped and
 * anchored ({@code ^x$}, {@code ^x}, {@code x$}, {@code x}).
 *
 * <p>Platforms fold case a character at a time; SCIM compares whole lower-cased values, and lower-casing
 * can change a value's length ({@code İ} becomes {@code i} and a combining dot). So in a value with a
 * character outside ASCII a run of n letters or marks may stand for none to 2n characters
 * ({@code .{0,2n}}, one quantifier a run, so that the platform's matching never backtracks far):
 * the platform then finds a superset, which the gateway checks again. Digits, punctuation and spaces,
 * which lower-casing keeps, stay as they are. Stateless.
 */
public final class CaseInsensitiveRegex {

  private CaseInsensitiveRegex() {
  }

  /** The pattern for {@code operator} ({@code eq}, {@code sw}, {@code ew} or {@code co}) and {@code value}. */
  public static String of(FilterType operator, String value) {
    String body = value.chars().allMatch(c -> c < 128) ? literal(value) : widened(value);
    return switch (operator) {
      case EQUAL -> "^" + body + "$";
      case STARTS_WITH -> "^" + body;
      case ENDS_WITH -> body + "$";
      case CONTAINS -> body;
      default -> throw new IllegalArgumentException("not a text comparison: " + operator);
    };
  }

  /** {@code text} matched literally: every ASCII character but letters and digits escaped. */
  public static String literal(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    text.codePoints().forEach(c -> escape(escaped, c));
    return escaped.toString();
  }

  /** Each run of n letters and marks as one {@code .{0,2n}}. */
  private static String widened(String value) {
    StringBuilder pattern = new StringBuilder(value.length() * 2);
    int[] run = {0};
    value.codePoints().forEach(c -> {
      if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
          || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
        run[0]++;
        return;
      }
      flush(pattern, run);
      escape(pattern, c);
    });
    flush(pattern, run);
    return pattern.toString();
  }

  private static void flush(StringBuilder pattern, int[] run) {
    if (run[0] > 0) {
      pattern.append(".{0,").append(2 * run[0]).append('}');
      run[0] = 0;
    }
  }

  private static void escape(StringBuilder pattern, int c) {
    if (c < 128 && !Character.isLetterOrDigit(c)) {
      pattern.append('\\');
    }
    pattern.appendCodePoint(c);
  }
}
