package io.scimgateway.conformance.equivalence;

import java.util.Locale;
import java.util.Random;

/** Case changes for generated values and filter values. */
final class RandomCase {

  private RandomCase() {
  }

  /** The value in its own case, lower case, upper case or per-letter random case. */
  static String mix(String value, Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> value.toLowerCase(Locale.ROOT);
      case 1 -> value.toUpperCase(Locale.ROOT);
      case 2 -> perLetter(value, random);
      default -> value;
    };
  }

  /** Each code point upper- or lower-cased at random. */
  static String perLetter(String value, Random random) {
    StringBuilder builder = new StringBuilder(value.length());
    value.codePoints().forEach(codePoint -> builder.appendCodePoint(random.nextBoolean()
        ? Character.toUpperCase(codePoint) : Character.toLowerCase(codePoint)));
    return builder.toString();
  }
}
