package io.scimgateway.spaceone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.spi.FilterSupport.Support;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.Sorting;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpaceoneQueryTranslatorTest {

  private final SpaceoneQueryTranslator translator = SpaceoneQueryTranslator.users(
      externalId -> externalId.equals("E1") ? List.of(SpaceoneUserIds.of("ada@example.com", "2026-01-01T00:00:00Z"))
          : List.of());

  private String query(String filter) throws ScimException {
    return translator.query(Filter.fromString(filter), null, new PageWindow.Offset(0, 10)).toString();
  }

  @Test
  void userNameComparesWithoutRegardToCaseThroughEscapedAnchoredRegexes() throws ScimException {
    assertEquals("{\"filter\":[{\"k\":\"user_id\",\"v\":\"^ada\\\\.l\\\\+x\\\\@example\\\\.com$\",\"o\":\"regex\"}],"
        + "\"sort\":{\"keys\":[{\"key\":\"user_id\",\"desc\":false}]},\"page\":{\"start\":1,\"limit\":10}}",
        query("userName eq \"ada.l+x@example.com\""));
    assertTrue(query("displayName sw \"Ada (\"").contains("{\"k\":\"name\",\"v\":\"^Ada\\\\ \\\\(\",\"o\":\"regex\"}"));
    assertTrue(query("userName ew \"@x.org\"").contains("\"v\":\"\\\\@x\\\\.org$\""));
    assertTrue(query("userName co \"LOVE\"").contains("{\"k\":\"user_id\",\"v\":\"LOVE\",\"o\":\"contain\"}"));
    assertTrue(query("displayName pr").contains("{\"k\":\"name\",\"v\":\"\\\\S\",\"o\":\"regex\"}"));
  }

  @Test
  void oneOrGroupAndNegationsWithExactComplements() throws ScimException {
    String or = query("(userName eq \"a@x.io\" or userName eq \"b@x.io\") and displayName co \"x\"");
    assertTrue(or.contains("\"filter_or\":[{\"k\":\"user_id\",\"v\":\"^a\\\\@x\\\\.io$\",\"o\":\"regex\"},"
        + "{\"k\":\"user_id\",\"v\":\"^b\\\\@x\\\\.io$\",\"o\":\"regex\"}]"), or);
    assertTrue(or.contains("\"filter\":[{\"k\":\"name\",\"v\":\"x\",\"o\":\"contain\"}]"), or);
    assertTrue(SpaceoneQueryTranslator.groups("user_group_id", id -> List.of()).query(Filter.fromString("not (id eq \"ug-1\")"),
        null, new PageWindow.Offset(0, 1)).toString().contains("{\"k\":\"user_group_id\",\"v\":\"ug-1\",\"o\":\"not\"}"));
    String id = SpaceoneUserIds.of("ada@example.com", "2026-01-01T00:00:00Z");
    assertTrue(query("id eq \"" + id + "\"").contains("{\"k\":\"user_id\",\"v\":[\"ada@example.com\"],\"o\":\"in\"}"));
    assertTrue(query("not (displayName co \"bot\")").contains("\"o\":\"not_contain\""));
    assertTrue(query("externalId eq \"E1\"").contains("{\"k\":\"user_id\",\"v\":[\"ada@example.com\"],\"o\":\"in\"}"));
    assertTrue(query("externalId eq \"none\"").contains("{\"k\":\"user_id\",\"v\":[],\"o\":\"in\"}"));
    assertTrue(query("meta.created ge \"2026-01-01T01:00:00+01:00\"")
        .contains("{\"k\":\"created_at\",\"v\":\"2026-01-01T00:00:00Z\",\"o\":\"datetime_gte\"}"));
  }

  @Test
  void declaresWhatTheQueryCanShape() throws BadRequestException {
    // SpaceONE folds case a letter at a time: the gateway checks what it finds again.
    assertEquals(Support.SUPERSET, translator.support(Path.fromString("userName"), FilterType.EQUAL));
    assertEquals(Support.EXACT, translator.support(Path.fromString("displayName"), FilterType.PRESENT));
    assertEquals(Support.NONE, translator.support(Path.fromString("userName"), FilterType.NOT_EQUAL));
    assertEquals(Support.SUPERSET, translator.support(Path.fromString("id"), FilterType.EQUAL));
    assertEquals(Support.NONE, translator.support(Path.fromString("active"), FilterType.EQUAL));
    assertEquals(Support.NONE, translator.support(Path.fromString("emails.value"), FilterType.EQUAL));
    assertEquals(Support.NONE, translator.support(Path.fromString("groups.value"), FilterType.EQUAL));

    assertTrue(translator.combines(Filter.fromString("userName eq \"a\" or userName eq \"b\"")));
    assertFalse(translator.combines(Filter.fromString("userName eq \"a\" or (id eq \"b\" and id eq \"c\")")));
    assertFalse(translator.combines(Filter.fromString("(id eq \"a\" or id eq \"b\") and (id eq \"c\" or id eq \"d\")")));
    assertTrue(translator.combines(Filter.fromString("(id eq \"a\" or id eq \"b\") and not (userName co \"c\")")));
    assertFalse(translator.combines(Filter.fromString("not (userName eq \"a\")")));
    assertFalse(translator.combines(Filter.fromString("not (id eq \"a\" or id eq \"b\")")));
  }

  @Test
  void sortsByCreationAndPagesFromOne() throws ScimException {
    String sorted = translator.query(null, new Sorting(Path.fromString("meta.created"), true),
        new PageWindow.Offset(20, 5)).toString();
    assertEquals("{\"sort\":{\"keys\":[{\"key\":\"created_at\",\"desc\":true},{\"key\":\"user_id\",\"desc\":false}]},"
        + "\"page\":{\"start\":21,\"limit\":5}}", sorted);
    assertTrue(translator.query(null, null, new PageWindow.Offset(0, 0)).toString().contains("\"count_only\":true"));
    assertThrows(BadRequestException.class, () -> query("meta.created gt \"yesterday\""));
  }
}
