package io.scimgateway.conformance;

import static io.scimgateway.conformance.QueryFixtures.assertFound;
import static io.scimgateway.conformance.QueryFixtures.searchRequest;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.ENTERPRISE;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Filters (RFC 7644 section 3.4.2.2) on GET /Users, GET /Groups and their POST .search, over the
 * {@link QueryFixtures} data: every operator, the logical operators and grouping, sub-attributes,
 * value paths, extension attributes, dateTime and boolean comparison, caseExact and case-insensitive
 * attribute names. Every expectation is checked through both GET and POST .search.
 */
class FilterTest {

  @RegisterExtension
  final RunningGateway running = RunningGateway.withQueryFixtures();

  private ScimSession scim;
  private QueryFixtures fixtures;

  @BeforeEach
  void start() {
    scim = running.session();
    fixtures = running.fixtures();
  }

  /** {@code filter} on {@code endpoint} finds exactly the fixture resources {@code keys}. */
  private void assertMatches(String endpoint, String filter, String... keys) {
    assertFound(scim.get(endpoint + filter(filter)), fixtures.ids(keys), "GET " + endpoint + " " + filter);
    assertFound(scim.post(endpoint + "/.search", searchRequest(filter)), fixtures.ids(keys),
        "POST " + endpoint + "/.search " + filter);
  }

  private void assertUsers(String filter, String... keys) {
    assertMatches("/Users", filter, keys);
  }

  // ---------------------------------------------------------------- eq, ne, caseExact

  @Test
  void eqOnUserNameIgnoresCase() {
    assertUsers("userName eq \"ALICE@EXAMPLE.COM\"", "alice");
    assertUsers("userName eq \"dave.brown@example.com\"", "dave");
    assertUsers("userName eq \"alice@example\"");
  }

  @Test
  void eqOnDisplayNameAndEmailValueIgnoresCase() {
    assertUsers("displayName eq \"carol ADAMS\"", "carol");
    assertUsers("emails.value eq \"ALICE@EXAMPLE.ORG\"", "alice");
    assertUsers("name.familyName eq \"BROWN\"", "dave");
  }

  @Test
  void eqOnExternalIdIsCaseExact() {
    assertUsers("externalId eq \"ABC\"", "dave");
    assertUsers("externalId eq \"abc\"", "alice");
    assertUsers("externalId eq \"aBc\"");
  }

  @Test
  void eqOnIdIsCaseExact() {
    String id = fixtures.id("alice");
    assertUsers("id eq \"" + id + "\"", "alice");
    assertNotEquals(id, id.toUpperCase(), "the test needs an id with letters");
    assertUsers("id eq \"" + id.toUpperCase() + "\"");
  }

  @Test
  void neMatchesResourcesThatLackTheAttribute() {
    // carol and eve have no externalId; dave's "ABC" differs from "abc" because externalId is caseExact.
    assertUsers("externalId ne \"abc\"", "dave", "carol", "bob", "eve");
    assertUsers("active ne true", "dave", "bob", "eve");
  }

  @Test
  void neOnMultiValuedAttributeMatchesWhenNoValueEquals() {
    assertUsers("emails.type ne \"work\"", "carol", "eve");
    assertUsers("emails.value ne \"bob@example.com\"", "dave", "alice", "carol", "eve");
  }

  // ---------------------------------------------------------------- substring and presence

  @Test
  void containsStartsWithAndEndsWithIgnoreCaseOnUserName() {
    assertUsers("userName co \"EXAMPLE.COM\"", "dave", "alice", "bob");
    assertUsers("userName sw \"CAR\"", "carol");
    assertUsers("userName ew \".NET\"", "eve");
    assertUsers("userName sw \"example\"");
  }

  @Test
  void presentMeansANonNullValueExists() {
    assertUsers("externalId pr", "dave", "alice", "bob");
    assertUsers("active pr", "dave", "alice", "carol");
    assertUsers("name.familyName pr", "dave", "alice", "carol");
    assertUsers("emails pr", "dave", "alice", "carol", "bob");
    assertUsers("title pr", "dave", "alice");
  }

  // ---------------------------------------------------------------- ordering

  @Test
  void orderingOperatorsCompareStringsIgnoringCase() {
    assertUsers("userName gt \"carol@example.org\"", "dave", "eve");
    assertUsers("userName ge \"CAROL@example.org\"", "carol", "dave", "eve");
    // Case-sensitively every lower-case name would sort after "D".
    assertUsers("userName lt \"D\"", "alice", "bob", "carol");
    assertUsers("userName le \"bob@example.com\"", "alice", "bob");
  }

  @Test
  void orderingOperatorsCompareMetaCreatedAsDateTime() {
    String carol = fixtures.created("carol");
    assertUsers("meta.created gt \"" + carol + "\"", "bob", "eve");
    assertUsers("meta.created ge \"" + carol + "\"", "carol", "bob", "eve");
    assertUsers("meta.created lt \"" + carol + "\"", "dave", "alice");
    assertUsers("meta.created le \"" + carol + "\"", "dave", "alice", "carol");
  }

  @Test
  void dateTimeComparisonUsesTheInstantNotTheText() {
    String carol = OffsetDateTime.parse(fixtures.created("carol"))
        .withOffsetSameInstant(ZoneOffset.ofHoursMinutes(5, 30))
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    assertUsers("meta.created lt \"" + carol + "\"", "dave", "alice");
    assertUsers("meta.created ge \"" + carol + "\"", "carol", "bob", "eve");
  }

  @Test
  void metaLastModifiedFindsOnlyWhatChangedSince() {
    Instant latest = Instant.EPOCH;
    for (JsonNode user : ScimAssertions.resources(scim.get("/Users"))) {
      Instant modified = Instant.parse(user.path("meta").path("lastModified").asText());
      latest = modified.isAfter(latest) ? modified : latest;
    }
    QueryFixtures.pause();
    assertStatus(200, scim.patch("/Users/" + fixtures.id("bob"),
        patch(op("replace", "nickName", ScimJson.parse("\"Bobby\"")))));

    assertUsers("meta.lastModified gt \"" + latest + "\"", "bob");
    assertUsers("meta.lastModified le \"" + latest + "\"", "dave", "alice", "carol", "eve");
  }

  // ---------------------------------------------------------------- booleans and references

  @Test
  void booleanComparison() {
    assertUsers("active eq true", "alice", "carol");
    assertUsers("active eq false", "dave");
    assertUsers("active ne false", "alice", "carol", "bob", "eve");
  }

  @Test
  void referenceAttributeIsCaseExact() {
    assertUsers("profileUrl eq \"https://example.com/profiles/alice\"", "alice");
    assertUsers("profileUrl eq \"HTTPS://EXAMPLE.COM/PROFILES/ALICE\"");
    assertUsers("profileUrl sw \"https://example.com/\"", "alice");
  }

  // ---------------------------------------------------------------- logical operators

  @Test
  void andBindsTighterThanOr() {
    // Read as "(b or c) and active eq false" or as "c and (active eq false or b)", both would be empty.
    assertUsers("userName sw \"b\" or userName sw \"c\" and active eq false", "bob");
    assertUsers("userName sw \"c\" and active eq false or userName sw \"b\"", "bob");
  }

  @Test
  void parenthesesAndNotGroupExpressions() {
    assertUsers("(userName sw \"c\" or userName sw \"b\") and not (active eq true)", "bob");
    assertUsers("not (userName ew \".com\")", "carol", "eve");
    assertUsers("not (not (active eq false))", "dave");
    assertUsers("((userName eq \"eve@example.net\"))", "eve");
  }

  // ---------------------------------------------------------------- complex and multi-valued

  @Test
  void subAttributesOfComplexAttributes() {
    assertUsers("name.givenName sw \"a\"", "alice");
    assertUsers("name.familyName lt \"c\"", "carol", "dave");
  }

  @Test
  void valuePathMatchesBothConditionsOnTheSameValue() {
    // bob has a work address and an @example.com address, but not in the same value.
    assertUsers("emails[type eq \"work\" and value co \"@example.com\"]", "dave", "alice");
    assertUsers("emails.type eq \"work\" and emails.value co \"@example.com\"", "dave", "alice", "bob");
    assertUsers("emails[type eq \"home\" and primary pr]");
    assertUsers("emails[not (type eq \"work\")]", "alice", "carol", "bob");
  }

  @Test
  void multiValuedComplexAttributeWithoutSubAttributeComparesItsValue() {
    assertUsers("emails co \"example.org\"", "alice", "carol");
    assertUsers("emails.value co \"example.org\"", "alice", "carol");
    assertUsers("emails eq \"BOB@example.com\"", "bob");
  }

  // ---------------------------------------------------------------- extension attributes

  @Test
  void enterpriseExtensionAttributesByFullUrn() {
    assertUsers(ENTERPRISE + ":employeeNumber eq \"1002\"", "carol");
    assertUsers(ENTERPRISE + ":department eq \"engineering\"", "alice", "carol");
    assertUsers(ENTERPRISE + ":manager.value eq \"" + fixtures.id("dave") + "\"", "alice", "carol");
    assertUsers(ENTERPRISE + ":employeeNumber pr", "dave", "alice", "carol");
  }

  @Test
  void attributeNamesAreCaseInsensitive() {
    assertUsers("USERNAME eq \"bob@example.com\"", "bob");
    assertUsers("NAME.FAMILYNAME eq \"adams\"", "carol");
    assertUsers("Emails[TYPE eq \"home\"]", "alice", "carol", "bob");
    assertUsers(ENTERPRISE + ":EMPLOYEENUMBER eq \"1001\"", "alice");
    assertUsers("META.CREATED le \"" + fixtures.created("dave") + "\"", "dave");
  }

  // ---------------------------------------------------------------- memberships

  @Test
  void groupFiltersOnDisplayNameExternalIdIdAndMembers() {
    assertMatches("/Groups", "displayName eq \"ENGINEERING\"", "engineering");
    assertMatches("/Groups", "externalId eq \"GRP-SALES\"", "sales");
    assertMatches("/Groups", "externalId eq \"grp-sales\"");
    assertMatches("/Groups", "id eq \"" + fixtures.id("sales") + "\"", "sales");
    assertMatches("/Groups", "members.value eq \"" + fixtures.id("alice") + "\"", "engineering");
    assertMatches("/Groups", "members.value eq \"" + fixtures.id("engineering") + "\"", "allStaff");
    assertMatches("/Groups", "members pr", "engineering", "sales", "allStaff");
    assertMatches("/Groups", "not (members pr)", "empty");
  }

  @Test
  void userFilterOnGroupsValueFindsTheMembersOfAGroup() {
    assertUsers("groups.value eq \"" + fixtures.id("sales") + "\"", "dave");
    assertUsers("groups.value eq \"" + fixtures.id("engineering") + "\"", "alice", "carol");
    assertUsers("groups.value eq \"" + fixtures.id("empty") + "\"");
    assertUsers("not (groups pr)", "eve");
  }

  @Test
  void userFilterOnGroupsValueAgreesWithTheGroupsTheUsersShow() {
    // alice and carol are in All Staff through Engineering: their "groups" lists it, so the filter finds
    // them.
    assertUsers("groups.value eq \"" + fixtures.id("allStaff") + "\"", "alice", "carol", "bob");
  }
}
