package io.scimgateway.gateway.core;

/**
 * Whether the brackets, parentheses and quotes of a filter or attribute path pair up. The SDK's
 * parsers accept a value path that is never closed ({@code emails[type eq "work"}); such text is
 * refused before it reaches them.
 */
public final class Brackets {

  private Brackets() {
  }

  /** What does not pair up in {@code text} ("quotes", "parentheses", "brackets"), or null. */
  public static String unpaired(String text) {
    int parentheses = 0;
    int brackets = 0;
    boolean inString = false;
    for (int i = 0; i < text.length() && parentheses >= 0 && brackets >= 0; i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> inString = true;
        case '(' -> parentheses++;
        case ')' -> parentheses--;
        case '[' -> brackets++;
        case ']' -> brackets--;
        default -> { }
      }
    }
    if (inString) {
      return "quotes";
    }
    return parentheses != 0 ? "parentheses" : brackets != 0 ? "brackets" : null;
  }
}
