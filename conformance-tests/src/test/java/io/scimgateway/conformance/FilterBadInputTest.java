package io.scimgateway.conformance;

import static io.scimgateway.conformance.QueryFixtures.assertFound;
import static io.scimgateway.conformance.QueryFixtures.searchRequest;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.ENTERPRISE;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.literal;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filters the gateway must refuse with {@code 400 invalidFilter} (RFC 7644 sections 3.4.2.2 and 3.12),
 * and hostile or unusual values it must take literally: never an error, never everything.
 */
class FilterBadInputTest {

  @TempDir
  Path data;

  @RegisterExtension
  final RunningGateway running = RunningGateway.withQueryFixtures();

  private TestGateway gateway;
  private ScimSession scim;
  private QueryFixtures fixtures;

  @BeforeEach
  void start() {
    gateway = running.gateway();
    scim = running.session();
    fixtures = running.fixtures();
  }

  /** Each filter is refused as invalidFilter on GET and POST .search of {@code endpoint}. */
  private void assertInvalidFilter(String endpoint, String... filters) {
    for (String bad : filters) {
      assertScimError(scim.get(endpoint + filter(bad)), 400, "invalidFilter");
      assertScimError(scim.post(endpoint + "/.search", searchRequest(bad)), 400, "invalidFilter");
    }
  }

  private String createUser(String userName) {
    ScimResponse created = scim.post("/Users", minimalUser(userName));
    assertStatus(201, created);
    return created.text("id");
  }

  /** {@code expression} on /Users finds exactly {@code ids}, through GET and POST .search. */
  private void assertUsers(String expression, String... ids) {
    assertFound(scim.get("/Users" + filter(expression)), List.of(ids), expression);
    assertFound(scim.post("/Users/.search", searchRequest(expression)), List.of(ids), expression);
  }

  // ---------------------------------------------------------------- refused

  @Test
  void unparseableFilters() {
    assertInvalidFilter("/Users", "userName eq", "userName xx \"a\"", "(userName eq \"a\"",
        "userName eq \"a\")", "emails[type eq \"work\"", "userName eq \"a\" and", "or userName eq \"a\"",
        "userName eq \"unterminated");
  }

  @Test
  void unknownAttributes() {
    assertInvalidFilter("/Users", "nosuch eq \"x\"", "name.nosuch eq \"x\"", "emails[nosuch eq \"x\"]",
        ENTERPRISE + ":nosuch eq \"x\"", "members.value eq \"x\"");
    assertInvalidFilter("/Groups", "userName eq \"x\"", "nosuch pr");
  }

  /** "True"/"False" for a boolean is Entra's, accepted by default: see EntraFilterTest. */
  @Test
  void valuesOfTheWrongType() {
    assertInvalidFilter("/Users", "active eq \"yes\"", "userName eq 5", "userName eq true",
        "meta.created gt \"not-a-date\"", "meta.created gt 5", "emails.primary eq \"yes\"",
        "active eq 1");
  }

  @Test
  void orderingOperatorsOnBooleans() {
    assertInvalidFilter("/Users", "active gt true", "active ge false", "active lt true", "active le true",
        "emails[primary gt false]");
  }

  @Test
  void substringOperatorsOnNonStrings() {
    assertInvalidFilter("/Users", "active co true", "active sw true", "meta.created co \"2020\"",
        "meta.lastModified ew \"Z\"");
  }

  @Test
  void complexAttributeWithoutAValueSubAttribute() {
    assertInvalidFilter("/Users", "name eq \"x\"", "name co \"Smith\"", ENTERPRISE + ":manager eq \"x\"");
  }

  @Test
  void filterLongerThanTheDefaultCap() {
    StringBuilder chain = new StringBuilder("userName eq \"alice@example.com\"");
    while (chain.length() <= 4096) {
      chain.append(" or userName eq \"nobody@example.com\"");
    }
    assertInvalidFilter("/Users", chain.toString());

    String underTheCap = chain.substring(0, chain.lastIndexOf(" or "));
    underTheCap = underTheCap.substring(0, underTheCap.lastIndexOf(" or "));
    assertTrue(underTheCap.length() <= 4096, "a filter within the cap");
    assertUsers(underTheCap, fixtures.id("alice"));
  }

  @Test
  void filterLongerThanAConfiguredCap() {
    try (TestGateway small = TestGateway.start(QueryFixtures.withLimits(data.resolve("small"), null, 64),
        TestGateway.TOKEN)) {
      ScimSession limited = ScimSession.of(small);
      try {
        String fits = "userName eq \"" + "a".repeat(64 - 14) + "\"";
        String tooLong = "userName eq \"" + "a".repeat(65 - 14) + "\"";
        assertStatus(200, limited.get("/Users" + filter(fits)));
        assertScimError(limited.get("/Users" + filter(tooLong)), 400, "invalidFilter");
        assertScimError(limited.post("/Users/.search", searchRequest(tooLong)), 400, "invalidFilter");
      } finally {
        limited.assertNoServerErrors();
      }
    }
  }

  // ---------------------------------------------------------------- taken literally

  @Test
  void sqlShapedValuesMatchNothing() {
    for (String value : List.of("x\" or 1=1 --", "x' OR '1'='1", "'; DROP TABLE resources; --", "%", "_",
        "\\", "*", ".*")) {
      assertUsers("userName eq " + literal(value));
      assertUsers("displayName eq " + literal(value));
      assertFound(scim.get("/Groups" + filter("displayName eq " + literal(value))), List.of(), value);
    }
    assertUsers("userName co \"%\"");
    assertUsers("userName co \"_\"");
    assertUsers("userName sw \"\\\\\"");
    assertFound(scim.get("/Users"), fixtures.ids(QueryFixtures.USERS), "every user is still there");
    assertFound(scim.get("/Groups"), fixtures.ids(QueryFixtures.GROUPS), "every group is still there");
  }

  @Test
  void wildcardEscapeAndQuoteCharactersInValuesAreLiteral() {
    String percent = createUser("100%real@example.com");
    String underscore = createUser("under_score@example.com");
    String backslash = createUser("back\\slash@example.com");
    String quote = createUser("say\"cheese\"@example.com");
    String apostrophe = createUser("o'neil@example.com");

    assertUsers("userName co " + literal("%"), percent);
    assertUsers("userName sw " + literal("100%"), percent);
    assertUsers("userName co " + literal("_"), underscore);
    assertUsers("userName ew " + literal("_score@example.com"), underscore);
    assertUsers("userName co " + literal("\\"), backslash);
    assertUsers("userName sw " + literal("back\\"), backslash);
    assertUsers("userName sw " + literal("\\"));
    assertUsers("userName co " + literal("\""), quote);
    assertUsers("userName ew " + literal("\"@example.com"), quote);
    assertUsers("userName eq " + literal("O'Neil@example.com"), apostrophe);
    assertUsers("userName co " + literal("'"), apostrophe);
  }

  @Test
  void unicodeValuesCompareWithoutFoldingAccents() {
    String zoe = createUser("zoë@example.com");

    assertUsers("userName eq \"ZOË@example.com\"", zoe);
    assertUsers("userName sw \"Zoë\"", zoe);
    assertUsers("userName eq \"zoe@example.com\"");
  }

  @Test
  void nulCharacterEscapeMatchesNothing() {
    assertUsers("userName eq \"a\\u0000b\"");
    assertUsers("userName co \"\\u0000\"");
  }
}
