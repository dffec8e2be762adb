package io.scimgateway.appwrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The translation of a pushed filter into one Appwrite query, with stand-in attributes. */
class AppwriteFilterTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** {@code email} by value, {@code $id} for an externalId only "E1" has. */
  private final AppwriteFilter filter = new AppwriteFilter(Map.of(
      "username", new PushableAttribute("email", EnumSet.of(FilterType.EQUAL, FilterType.NOT_EQUAL),
          (op, value) -> List.of(value)),
      "externalid", new PushableAttribute("$id", EnumSet.of(FilterType.EQUAL),
          (op, value) -> value.asText().equals("E1") ? List.<JsonNode>of(JSON.textNode("u1")) : List.of())));

  private String query(String text) throws ScimException {
    return filter.translate(Filter.fromString(text)).query().map(Object::toString).orElse("(everything)");
  }

  @Test
  void anOrOfEqualsOnOneAttributeIsOneEqualWithAllValues() throws ScimException {
    assertEquals("{\"method\":\"equal\",\"attribute\":\"email\",\"values\":[\"a@x.io\",\"b@x.io\"]}",
        query("userName eq \"a@x.io\" or userName eq \"b@x.io\""));
  }

  @Test
  void andNotAndValuesThatMatchNothingCombineAsSetsDo() throws ScimException {
    assertEquals("{\"method\":\"and\",\"values\":[{\"method\":\"equal\",\"attribute\":\"email\","
        + "\"values\":[\"a@x.io\"]},{\"method\":\"equal\",\"attribute\":\"$id\",\"values\":[\"u1\"]}]}",
        query("userName eq \"a@x.io\" and externalId eq \"E1\""));
    assertEquals("{\"method\":\"notEqual\",\"attribute\":\"email\",\"values\":[\"a@x.io\"]}",
        query("not (userName eq \"a@x.io\")"));
    // An externalId nobody has: "and" matches nothing, "or" keeps the other operand, "not" everything.
    assertTrue(filter.translate(Filter.fromString("userName eq \"a@x.io\" and externalId eq \"none\""))
        .matchesNothing());
    assertEquals("{\"method\":\"equal\",\"attribute\":\"email\",\"values\":[\"a@x.io\"]}",
        query("userName eq \"a@x.io\" or externalId eq \"none\""));
    assertEquals("(everything)", query("not (externalId eq \"none\")"));
  }

  @Test
  void whatThePlannerWouldNotPushIsAnError() {
    assertThrows(IllegalStateException.class, () -> query("displayName eq \"x\""));
    assertThrows(IllegalStateException.class, () -> query("emails[value eq \"a@x.io\"]"));
  }
}
