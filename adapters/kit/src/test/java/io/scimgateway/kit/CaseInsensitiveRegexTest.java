package io.scimgateway.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.common.filters.FilterType;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CaseInsensitiveRegexTest {

  private static boolean matches(FilterType operator, String value, String stored) {
    Pattern pattern = Pattern.compile(CaseInsensitiveRegex.of(operator, value),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return pattern.matcher(stored).find();
  }

  @Test
  void asciiValuesAreEscapedAndAnchored() {
    assertEquals("^a\\.b\\*c$", CaseInsensitiveRegex.of(FilterType.EQUAL, "a.b*c"));
    assertEquals("^100\\%", CaseInsensitiveRegex.of(FilterType.STARTS_WITH, "100%"));
    assertTrue(matches(FilterType.EQUAL, "JDoe@Example.com", "jdoe@example.COM"));
    assertFalse(matches(FilterType.EQUAL, "a.b", "axb"));
  }

  @Test
  void aValueWhoseLowerCaseChangesLengthStillFindsTheUser() {
    String stored = "İlkay Ångström";
    String value = stored.toLowerCase(Locale.ROOT); // "i̇lkay ångström": an i and a combining dot
    assertTrue(matches(FilterType.EQUAL, value, stored), CaseInsensitiveRegex.of(FilterType.EQUAL, value));
    assertTrue(matches(FilterType.EQUAL, stored, value));
    assertEquals("^.{0,12}\\ .{0,16}$", CaseInsensitiveRegex.of(FilterType.EQUAL, value));
  }

  @Test
  void aLongValueThatMatchesNothingIsRefusedQuickly() {
    String value = "Ωmega.".repeat(40);
    assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> assertFalse(matches(FilterType.EQUAL, value, "ωmega".repeat(400) + "!")));
  }
}
