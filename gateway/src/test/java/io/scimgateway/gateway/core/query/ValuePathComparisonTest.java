package io.scimgateway.gateway.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValuePathComparisonTest {

  @Test
  void movesTheComparisonIntoTheValuePath() {
    assertEquals("emails[type eq \"work\" and value eq \"a@example.com\"]",
        ValuePathComparison.normalize("emails[type eq \"work\"].value eq \"a@example.com\""));
    assertEquals("addresses[type eq \"work\" and postalCode pr]",
        ValuePathComparison.normalize("addresses[type eq \"work\"].postalCode pr"));
    assertEquals("userName eq \"x\" and (emails[type eq \"work\" and value co \"@x\"])",
        ValuePathComparison.normalize("userName eq \"x\" and (emails[type eq \"work\"].value co \"@x\")"));
  }

  @Test
  void leavesStandardFiltersAndStringsAlone() {
    String standard = "emails[type eq \"work\" and value eq \"a\"] or userName eq \"b].value eq c\"";
    assertEquals(standard, ValuePathComparison.normalize(standard));
    assertEquals("userName eq \"x\"", ValuePathComparison.normalize("userName eq \"x\""));
  }
}
