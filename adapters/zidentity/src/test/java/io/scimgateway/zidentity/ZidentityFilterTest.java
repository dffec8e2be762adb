package io.scimgateway.zidentity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.spi.FilterSupport.Support;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What ZIdentity's [like] parameters narrow of a pushed filter. */
class ZidentityFilterTest {

  private final ZidentityFilter users = ZidentityFilter.users();

  private List<Map.Entry<String, String>> parameters(String filter) throws ScimException {
    return users.parameters(Filter.fromString(filter));
  }

  @Test
  void textComparisonsOnNamesAreSupersets() throws ScimException {
    assertEquals(Support.SUPERSET, users.support(Path.fromString("userName"), FilterType.STARTS_WITH));
    assertEquals(Support.NONE, users.support(Path.fromString("userName"), FilterType.GREATER_THAN));
    assertEquals(Support.NONE, users.support(Path.fromString("externalId"), FilterType.EQUAL));
    assertEquals(Support.SUPERSET, ZidentityFilter.groups().support(Path.fromString("displayName"),
        FilterType.CONTAINS));
  }

  @Test
  void anAndGivesEachOperandsParameterAndAnOrAsksForEverything() throws ScimException {
    assertEquals(List.of(Map.entry("loginname[like]", "ada"), Map.entry("displayname[like]", "Love")),
        parameters("userName sw \"ada\" and displayName co \"Love\""));
    assertEquals(List.of(Map.entry("loginname[like]", "ada")),
        parameters("userName eq \"ada\" and (displayName co \"a\" or displayName co \"b\")"));
    assertEquals(List.of(), users.parameters(null));
  }

  @Test
  void whatThePlannerWouldNotPushIsAnError() {
    assertThrows(IllegalStateException.class, () -> parameters("not (userName eq \"ada\")"));
    assertThrows(IllegalStateException.class, () -> parameters("externalId eq \"E1\""));
  }
}
