package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertAbsent;
import static io.scimgateway.conformance.ScimAssertions.assertListResponse;
import static io.scimgateway.conformance.ScimAssertions.assertPresent;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.contains;
import static io.scimgateway.conformance.ScimAssertions.ids;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimJson.ENTERPRISE;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.object;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users through the gateway: create, read, replace, patch, delete, list, page and project (RFC 7644 section 3). */
class UserCrudTest {

  @RegisterExtension
  final RunningGateway running = new RunningGateway();

  private TestGateway gateway;
  private ScimSession scim;

  @BeforeEach
  void start() {
    gateway = running.gateway();
    scim = running.session();
  }

  // ---------------------------------------------------------------- create and read

  @Test
  void createAnswers201WithLocationEtagAndServerAssignedMeta() {
    ScimResponse created = scim.post("/Users", user("ada.lovelace@example.com"));

    assertStatus(201, created);
    assertTrue(created.header("Content-Type").orElse("").startsWith("application/scim+json"),
        () -> "Content-Type: " + created.header("Content-Type"));
    JsonNode body = created.json();
    String id = body.path("id").asText("");
    assertFalse(id.isBlank(), "the server assigns an id");
    assertTrue(contains(body.path("schemas"), ScimJson.USER), body::toString);
    assertEquals("ada.lovelace@example.com", body.path("userName").asText());

    JsonNode meta = body.path("meta");
    String location = created.header("Location").orElseThrow(() -> new AssertionError("no Location"));
    assertEquals(scim.base() + "/Users/" + id, location);
    assertEquals(location, meta.path("location").asText());
    assertEquals("User", meta.path("resourceType").asText());
    OffsetDateTime createdAt = OffsetDateTime.parse(meta.path("created").asText());
    OffsetDateTime lastModified = OffsetDateTime.parse(meta.path("lastModified").asText());
    assertFalse(lastModified.isBefore(createdAt), meta::toString);
    String etag = created.header("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    assertEquals(etag, meta.path("version").asText(), "ETag header = meta.version");
  }

  @Test
  void serverAssignsDistinctIdsToDistinctUsers() {
    ScimResponse first = scim.post("/Users", minimalUser("first@example.com"));
    ScimResponse second = scim.post("/Users", minimalUser("second@example.com"));
    assertStatus(201, first);
    assertStatus(201, second);
    assertNotEquals(first.text("id"), second.text("id"));
  }

  @Test
  void passwordIsNeverReturnedByAnyOperation() {
    ScimResponse created = scim.post("/Users", user("secretive@example.com"));
    assertStatus(201, created);
    String id = created.text("id");
    assertAbsent(created.json(), "password");

    assertAbsent(scim.get("/Users/" + id).json(), "password");
    assertAbsent(scim.get("/Users/" + id + "?attributes=password").json(), "password");
    assertAbsent(scim.get("/Users/" + id + "?attributes=userName,password").json(), "password");
    for (JsonNode listed : resources(scim.get("/Users"))) {
      assertAbsent(listed, "password");
    }
    for (JsonNode listed : resources(scim.get("/Users?attributes=password"))) {
      assertAbsent(listed, "password");
    }

    ObjectNode replacement = user("secretive@example.com").put("password", "Another-long-passphrase-2");
    ScimResponse replaced = scim.put("/Users/" + id, replacement);
    assertStatus(200, replaced);
    assertAbsent(replaced.json(), "password");

    ScimResponse patched = scim.patch("/Users/" + id,
        patch(op("replace", "password", ScimJson.parse("\"Yet-another-passphrase-4\""))));
    assertStatus(200, patched);
    assertAbsent(patched.json(), "password");
  }

  @Test
  void enterpriseExtensionAttributesRoundTrip() {
    String managerId = scim.post("/Users", minimalUser("the.boss@example.com")).text("id");
    ObjectNode body = user("grace.hopper@example.com");
    body.withArray("schemas").add(ENTERPRISE);
    ObjectNode extension = body.putObject(ENTERPRISE);
    extension.put("employeeNumber", "701984");
    extension.put("costCenter", "4130");
    extension.put("organization", "Universal Studios");
    extension.put("division", "Theme Park");
    extension.put("department", "Tour Operations");
    extension.putObject("manager").put("value", managerId);

    ScimResponse created = scim.post("/Users", body);
    assertStatus(201, created);
    assertTrue(contains(created.json().path("schemas"), ENTERPRISE), created::toString);
    assertEnterprise(created.json(), managerId);

    ScimResponse read = scim.get("/Users/" + created.text("id"));
    assertStatus(200, read);
    assertTrue(contains(read.json().path("schemas"), ENTERPRISE), read::toString);
    assertEnterprise(read.json(), managerId);

    ScimResponse byEmployeeNumber = scim.get("/Users"
        + filter(ENTERPRISE + ":employeeNumber eq \"701984\""));
    assertListResponse(byEmployeeNumber, 1, 1, 1);
    assertEquals(created.text("id"), ids(byEmployeeNumber).get(0));
  }

  private static void assertEnterprise(JsonNode user, String managerId) {
    JsonNode extension = user.path(ENTERPRISE);
    assertEquals("701984", extension.path("employeeNumber").asText(), user::toString);
    assertEquals("4130", extension.path("costCenter").asText(), user::toString);
    assertEquals("Universal Studios", extension.path("organization").asText(), user::toString);
    assertEquals("Theme Park", extension.path("division").asText(), user::toString);
    assertEquals("Tour Operations", extension.path("department").asText(), user::toString);
    assertEquals(managerId, extension.path("manager").path("value").asText(), user::toString);
  }

  @Test
  void getByIdReturnsTheCreatedRepresentation() {
    ScimResponse created = scim.post("/Users", user("alan.turing@example.com"));
    assertStatus(201, created);

    ScimResponse read = scim.get("/Users/" + created.text("id"));

    assertStatus(200, read);
    assertEquals(created.json(), read.json());
    assertEquals(created.header("ETag"), read.header("ETag"));
  }

  // ---------------------------------------------------------------- replace

  @Test
  void putReplacesTheWholeResourceAndMovesVersionAndLastModified() throws InterruptedException {
    ObjectNode original = user("edsger.dijkstra@example.com");
    original.put("nickName", "EWD");
    original.put("title", "Professor");
    original.putArray("phoneNumbers").addObject().put("value", "+31 40 247 9111").put("type", "work");
    original.withArray("schemas").add(ENTERPRISE);
    original.putObject(ENTERPRISE).put("employeeNumber", "1930");
    ScimResponse created = scim.post("/Users", original);
    assertStatus(201, created);
    String id = created.text("id");
    JsonNode createdMeta = created.json().path("meta");
    Thread.sleep(20); // lastModified has millisecond resolution

    ObjectNode replacement = minimalUser("edsger.dijkstra@example.com");
    replacement.putObject("name").put("givenName", "Edsger").put("familyName", "Dijkstra");
    replacement.put("displayName", "Edsger W. Dijkstra");
    ScimResponse replaced = scim.put("/Users/" + id, replacement);

    assertStatus(200, replaced);
    JsonNode body = replaced.json();
    assertEquals(id, body.path("id").asText());
    assertEquals("Edsger W. Dijkstra", body.path("displayName").asText());
    assertEquals("Edsger", body.path("name").path("givenName").asText());
    for (String gone : List.of("nickName", "title", "emails", "phoneNumbers", "active", ENTERPRISE)) {
      assertAbsent(body, gone);
    }
    assertFalse(contains(body.path("schemas"), ENTERPRISE), "extension schema gone: " + body);

    JsonNode meta = body.path("meta");
    assertEquals(createdMeta.path("created").asText(), meta.path("created").asText(), "created stays");
    assertTrue(OffsetDateTime.parse(meta.path("lastModified").asText())
            .isAfter(OffsetDateTime.parse(createdMeta.path("lastModified").asText())),
        () -> "lastModified moves: " + createdMeta + " -> " + meta);
    assertNotEquals(createdMeta.path("version").asText(), meta.path("version").asText());
    assertEquals(replaced.header("ETag").orElse(null), meta.path("version").asText());

    ScimResponse read = scim.get("/Users/" + id);
    assertStatus(200, read);
    assertEquals(body, read.json(), "GET shows what PUT answered");
  }

  @Test
  void putCanChangeUserNameAndTheOldNameNoLongerFinds() {
    String id = scim.post("/Users", user("old.name@example.com")).text("id");

    ScimResponse replaced = scim.put("/Users/" + id, user("new.name@example.com"));

    if (!ConformanceBackend.has(Capability.USERNAME_CHANGES)) {
      assertStatus(400, replaced);
      assertEquals("mutability", replaced.text("scimType"), replaced::toString);
      assertTrue(replaced.text("detail").contains("userName"), replaced::toString);
      assertEquals("old.name@example.com", scim.get("/Users/" + id).text("userName"), "nothing written");
      return;
    }
    assertStatus(200, replaced);
    assertEquals("new.name@example.com", replaced.text("userName"));
    assertListResponse(scim.get("/Users" + filter("userName eq \"old.name@example.com\"")), 0, 0, 1);
    ScimResponse found = scim.get("/Users" + filter("userName eq \"new.name@example.com\""));
    assertListResponse(found, 1, 1, 1);
    assertEquals(id, ids(found).get(0));
  }

  // ---------------------------------------------------------------- patch

  @Test
  void patchReplaceActiveWithPathSetsFalse() {
    String id = scim.post("/Users", user("patch.active@example.com")).text("id");

    ScimResponse patched = scim.patch("/Users/" + id,
        patch(op("replace", "active", ScimJson.parse("false"))));

    JsonNode after = patchedResource(patched, id);
    assertTrue(after.path("active").isBoolean() && !after.path("active").asBoolean(), after::toString);
    assertEquals("patch.active@example.com", after.path("userName").asText(), "the rest untouched");
  }

  @Test
  void patchReplaceSubAttributeWithPathChangesOnlyIt() {
    String id = scim.post("/Users", user("patch.given@example.com")).text("id");

    ScimResponse patched = scim.patch("/Users/" + id,
        patch(op("replace", "name.givenName", ScimJson.parse("\"Augusta\""))));

    JsonNode after = patchedResource(patched, id);
    assertEquals("Augusta", after.path("name").path("givenName").asText(), after::toString);
    assertEquals("User", after.path("name").path("familyName").asText(), "sibling untouched");
  }

  @Test
  void patchRemoveWithPathRemovesTheAttribute() {
    ObjectNode body = user("patch.remove@example.com").put("nickName", "Nicky");
    String id = scim.post("/Users", body).text("id");

    ScimResponse patched = scim.patch("/Users/" + id, patch(op("remove", "nickName", null)));

    JsonNode after = patchedResource(patched, id);
    assertAbsent(after, "nickName");
    assertEquals("patch.remove@example.com", after.path("userName").asText());
  }

  @Test
  void patchAddWithoutPathMergesTheValueObject() {
    String id = scim.post("/Users", minimalUser("patch.add@example.com")).text("id");
    ObjectNode value = object().put("nickName", "Addy").put("title", "Engineer");
    value.putObject("name").put("familyName", "Adder");

    ScimResponse patched = scim.patch("/Users/" + id, patch(op("add", null, value)));

    JsonNode after = patchedResource(patched, id);
    assertEquals("Addy", after.path("nickName").asText(), after::toString);
    assertEquals("Engineer", after.path("title").asText(), after::toString);
    assertEquals("Adder", after.path("name").path("familyName").asText(), after::toString);
    assertEquals("patch.add@example.com", after.path("userName").asText());
  }

  @Test
  void patchReplaceWithoutPathReplacesTheNamedAttributes() {
    String id = scim.post("/Users", user("patch.replace@example.com")).text("id");
    ObjectNode value = object().put("displayName", "Replaced Name").put("active", false);

    ScimResponse patched = scim.patch("/Users/" + id, patch(op("replace", null, value)));

    JsonNode after = patchedResource(patched, id);
    assertEquals("Replaced Name", after.path("displayName").asText(), after::toString);
    assertFalse(after.path("active").asBoolean(true), after::toString);
    assertEquals("Test", after.path("name").path("givenName").asText(), "others untouched");
  }

  @Test
  void patchAddToMultiValuedAttributeAppends() {
    String id = scim.post("/Users", user("patch.emails@example.com")).text("id");
    ObjectNode home = object().put("value", "home@example.org").put("type", "home");

    ScimResponse patched = scim.patch("/Users/" + id,
        patch(op("add", "emails", ScimJson.array().add(home))));

    JsonNode after = patchedResource(patched, id);
    assertEquals(2, after.path("emails").size(), after::toString);
    assertEquals(new HashSet<>(List.of("patch.emails@example.com", "home@example.org")),
        ScimAssertions.values(after.path("emails")));
  }

  @Test
  void patchWithSeveralOperationsAppliesThemAllAndMovesVersion() {
    ScimResponse created = scim.post("/Users", user("patch.many@example.com").put("nickName", "M"));
    String id = created.text("id");

    ScimResponse patched = scim.patch("/Users/" + id, patch(
        op("replace", "active", ScimJson.parse("false")),
        op("replace", "name.givenName", ScimJson.parse("\"Many\"")),
        op("remove", "nickName", null),
        op("add", "title", ScimJson.parse("\"Tester\""))));

    JsonNode after = patchedResource(patched, id);
    assertFalse(after.path("active").asBoolean(true), after::toString);
    assertEquals("Many", after.path("name").path("givenName").asText());
    assertAbsent(after, "nickName");
    assertEquals("Tester", after.path("title").asText());
    assertNotEquals(created.json().path("meta").path("version").asText(),
        after.path("meta").path("version").asText());
    assertEquals(created.json().path("meta").path("created").asText(),
        after.path("meta").path("created").asText());
  }

  /**
   * RFC 7644 section 3.5.2: 200 with the resource, or 204 without. Either way, GET shows the result;
   * when the body is there it must equal what GET shows.
   */
  private JsonNode patchedResource(ScimResponse patched, String id) {
    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    ScimResponse read = scim.get("/Users/" + id);
    assertStatus(200, read);
    if (patched.status() == 200) {
      assertEquals(read.json(), patched.json(), "PATCH answered what GET shows");
      assertEquals(read.header("ETag"), patched.header("ETag"));
    }
    return read.json();
  }

  // ---------------------------------------------------------------- delete

  @Test
  void deleteAnswers204ThenGetAndDeleteAnswer404() {
    String id = scim.post("/Users", user("short.lived@example.com")).text("id");

    ScimResponse deleted = scim.delete("/Users/" + id);
    assertStatus(204, deleted);
    assertTrue(deleted.body() == null || deleted.body().isEmpty(), "204 has no body");

    assertScimError(scim.get("/Users/" + id), 404);
    assertScimError(scim.delete("/Users/" + id), 404);
    assertListResponse(scim.get("/Users" + filter("userName eq \"short.lived@example.com\"")), 0, 0, 1);
  }

  @Test
  void userNameIsFreeAgainAfterDelete() {
    String id = scim.post("/Users", user("reused@example.com")).text("id");
    assertStatus(204, scim.delete("/Users/" + id));

    ScimResponse again = scim.post("/Users", user("reused@example.com"));

    assertStatus(201, again);
    assertNotEquals(id, again.text("id"));
  }

  // ---------------------------------------------------------------- list and filter

  @Test
  void filterUserNameEqIgnoresCase() {
    String id = scim.post("/Users", user("Barbara.Liskov@Example.com")).text("id");
    scim.post("/Users", user("someone.else@example.com"));

    ScimResponse found = scim.get("/Users" + filter("userName eq \"barbara.liskov@EXAMPLE.COM\""));

    assertListResponse(found, 1, 1, 1);
    JsonNode user = resources(found).get(0);
    assertEquals(id, user.path("id").asText());
    assertEquals("Barbara.Liskov@Example.com", user.path("userName").asText(), "stored as sent");
    assertAbsent(user, "password");
  }

  @Test
  void filterExternalIdEqIsCaseExact() {
    ObjectNode body = user("external@example.com").put("externalId", "Ext-00042");
    String id = scim.post("/Users", body).text("id");
    scim.post("/Users", user("other.external@example.com").put("externalId", "Ext-00043"));

    ScimResponse found = scim.get("/Users" + filter("externalId eq \"Ext-00042\""));
    assertListResponse(found, 1, 1, 1);
    assertEquals(id, ids(found).get(0));
    assertEquals("Ext-00042", resources(found).get(0).path("externalId").asText());

    // RFC 7643 section 3.1: externalId has caseExact true.
    assertListResponse(scim.get("/Users" + filter("externalId eq \"ext-00042\"")), 0, 0, 1);
  }

  @Test
  void filterDisplayNameEqIgnoresCase() {
    String id = scim.post("/Users", minimalUser("display@example.com").put("displayName", "Donald Knuth"))
        .text("id");
    scim.post("/Users", minimalUser("display2@example.com").put("displayName", "Donald Duck"));

    ScimResponse found = scim.get("/Users" + filter("displayName eq \"donald KNUTH\""));

    assertListResponse(found, 1, 1, 1);
    assertEquals(id, ids(found).get(0));
  }

  @Test
  void filterThatMatchesNothingIsAnEmptyList() {
    scim.post("/Users", user("present@example.com"));

    ScimResponse none = scim.get("/Users" + filter("userName eq \"absent@example.com\""));

    assertListResponse(none, 0, 0, 1);
  }

  // ---------------------------------------------------------------- paging

  private List<String> createSevenUsers() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      ScimResponse created = scim.post("/Users", minimalUser("pager-" + i + "@example.com"));
      assertStatus(201, created);
      ids.add(created.text("id"));
    }
    return ids;
  }

  @Test
  void listWithoutPagingReturnsEveryUser() {
    List<String> created = createSevenUsers();

    ScimResponse all = scim.get("/Users");

    assertListResponse(all, 7, 7, 1);
    assertEquals(new HashSet<>(created), new HashSet<>(ids(all)));
  }

  @Test
  void pagesWithCountThreeCoverAllSevenUsersOnceInOrder() {
    createSevenUsers();
    List<String> all = ids(scim.get("/Users"));

    ScimResponse first = scim.get("/Users?startIndex=1&count=3");
    ScimResponse second = scim.get("/Users?startIndex=4&count=3");
    ScimResponse third = scim.get("/Users?startIndex=7&count=3");

    assertListResponse(first, 7, 3, 1);
    assertListResponse(second, 7, 3, 4);
    assertListResponse(third, 7, 1, 7);
    List<String> paged = new ArrayList<>();
    paged.addAll(ids(first));
    paged.addAll(ids(second));
    paged.addAll(ids(third));
    assertEquals(all, paged, "pages are consecutive slices of the same order");
  }

  @Test
  void pageInTheMiddleStartsAtStartIndex() {
    createSevenUsers();
    List<String> all = ids(scim.get("/Users"));

    ScimResponse page = scim.get("/Users?startIndex=3&count=2");

    assertListResponse(page, 7, 2, 3);
    assertEquals(all.subList(2, 4), ids(page));
  }

  @Test
  void countZeroReturnsOnlyTheTotal() {
    createSevenUsers();

    ScimResponse totals = scim.get("/Users?count=0");

    assertListResponse(totals, 7, 0, 1);
  }

  @Test
  void negativeCountIsTreatedAsZero() {
    createSevenUsers();

    // RFC 7644 section 3.4.2.4: "A negative value SHALL be interpreted as "0"."
    ScimResponse totals = scim.get("/Users?count=-5");

    assertListResponse(totals, 7, 0, 1);
  }

  @Test
  void startIndexZeroIsTreatedAsOne() {
    createSevenUsers();
    List<String> all = ids(scim.get("/Users"));

    // RFC 7644 section 3.4.2.4: "A value less than 1 SHALL be interpreted as 1."
    ScimResponse page = scim.get("/Users?startIndex=0&count=2");

    assertListResponse(page, 7, 2, 1);
    assertEquals(all.subList(0, 2), ids(page));
  }

  @Test
  void startIndexPastTheEndReturnsNoResourcesButTheTotal() {
    createSevenUsers();

    ScimResponse page = scim.get("/Users?startIndex=8&count=3");

    assertListResponse(page, 7, 0, 8);
  }

  @Test
  void pagingAppliesToFilteredResults() {
    createSevenUsers();
    scim.post("/Users", minimalUser("not-a-pager@example.com"));

    ScimResponse page = scim.get("/Users" + filter("userName sw \"pager-\"") + "&startIndex=2&count=4");

    assertListResponse(page, 7, 4, 2);
    for (JsonNode user : resources(page)) {
      assertTrue(user.path("userName").asText().startsWith("pager-"), user::toString);
    }
  }

  @Test
  void pagingAppliesToFiltersTheGatewayEvaluatesItself() {
    for (int i = 1; i <= 7; i++) {
      assertStatus(201, scim.post("/Users", minimalUser("titled-" + i + "@example.com").put("title", "Pager")));
    }
    scim.post("/Users", minimalUser("untitled@example.com").put("title", "Other"));
    List<String> all = ids(scim.get("/Users" + filter("title eq \"pager\"")));
    assertEquals(7, all.size());

    ScimResponse page = scim.get("/Users" + filter("title eq \"pager\"") + "&startIndex=3&count=2");

    assertListResponse(page, 7, 2, 3);
    assertEquals(all.subList(2, 4), ids(page));
  }

  // ---------------------------------------------------------------- projection

  @Test
  void attributesParameterOnGetReturnsOnlyThoseAndAlwaysIdAndSchemas() {
    String id = scim.post("/Users", user("projected@example.com")).text("id");

    ScimResponse read = scim.get("/Users/" + id + "?attributes=userName");

    assertStatus(200, read);
    JsonNode body = read.json();
    assertEquals(id, body.path("id").asText());
    assertTrue(contains(body.path("schemas"), ScimJson.USER), body::toString);
    assertEquals("projected@example.com", body.path("userName").asText());
    for (String absent : List.of("name", "emails", "active", "displayName", "password")) {
      assertAbsent(body, absent);
    }
  }

  @Test
  void excludedAttributesParameterOnGetDropsThemOnly() {
    String id = scim.post("/Users", user("excluded@example.com")).text("id");

    ScimResponse read = scim.get("/Users/" + id + "?excludedAttributes=emails");

    assertStatus(200, read);
    JsonNode body = read.json();
    assertAbsent(body, "emails");
    assertEquals(id, body.path("id").asText());
    assertTrue(contains(body.path("schemas"), ScimJson.USER), body::toString);
    assertEquals("excluded@example.com", body.path("userName").asText());
    assertPresent(body, "name");
    assertPresent(body, "active");
  }

  @Test
  void excludingIdHasNoEffectBecauseIdIsAlwaysReturned() {
    String id = scim.post("/Users", user("always.id@example.com")).text("id");

    ScimResponse read = scim.get("/Users/" + id + "?excludedAttributes=id,emails");

    assertStatus(200, read);
    assertEquals(id, read.json().path("id").asText(), read::toString);
    assertAbsent(read.json(), "emails");
  }

  @Test
  void attributesParameterOnListAppliesToEveryResource() {
    createSevenUsers();

    ScimResponse list = scim.get("/Users?attributes=userName&count=3");

    assertListResponse(list, 7, 3, 1);
    for (JsonNode user : resources(list)) {
      assertPresent(user, "id");
      assertTrue(contains(user.path("schemas"), ScimJson.USER), user::toString);
      assertTrue(user.path("userName").asText().startsWith("pager-"), user::toString);
      assertAbsent(user, "emails");
    }
  }

  @Test
  void excludedAttributesParameterOnFilteredListAppliesToEveryResource() {
    scim.post("/Users", user("listed.one@example.com"));
    scim.post("/Users", user("listed.two@example.com"));

    ScimResponse list = scim.get("/Users" + filter("userName sw \"listed.\"")
        + "&excludedAttributes=emails");

    assertListResponse(list, 2, 2, 1);
    for (JsonNode user : resources(list)) {
      assertPresent(user, "id");
      assertTrue(contains(user.path("schemas"), ScimJson.USER), user::toString);
      assertPresent(user, "userName");
      assertPresent(user, "name");
      assertAbsent(user, "emails");
    }
  }
}
