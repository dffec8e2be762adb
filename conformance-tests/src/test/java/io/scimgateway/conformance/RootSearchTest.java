package io.scimgateway.conformance;

import static io.scimgateway.conformance.QueryFixtures.assertFoundInOrder;
import static io.scimgateway.conformance.QueryFixtures.searchRequest;
import static io.scimgateway.conformance.ScimAssertions.assertListResponse;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.ids;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgateway.gateway.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /.search at the service provider's root (RFC 7644 section 3.4.3): one search over Users and
 * Groups together, Users first; filters naming attributes only one type has; paging across both types;
 * sortBy refused; and the read scope is enough.
 */
class RootSearchTest {

  @TempDir
  Path data;

  @RegisterExtension
  final RunningGateway running = RunningGateway.withQueryFixtures();

  private ScimSession scim;
  private QueryFixtures fixtures;

  @BeforeEach
  void start() {
    scim = running.session();
    fixtures = running.fixtures();
  }

  /** Every fixture user, then every fixture group, each in the order the type's own list gives. */
  private List<String> everything() {
    List<String> all = new ArrayList<>(ids(scim.get("/Users")));
    all.addAll(ids(scim.get("/Groups")));
    return all;
  }

  @Test
  void withoutFilterReturnsAllUsersThenAllGroups() {
    ScimResponse found = scim.post("/.search", searchRequest());

    assertListResponse(found, 9, 9, 1);
    assertEquals(everything(), ids(found));
    List<JsonNode> resources = resources(found);
    for (int i = 0; i < resources.size(); i++) {
      String type = resources.get(i).path("meta").path("resourceType").asText();
      assertEquals(i < 5 ? "User" : "Group", type, resources.get(i)::toString);
    }
  }

  @Test
  void displayNameFilterFindsUsersAndGroupsUsersFirst() {
    ScimResponse found = scim.post("/.search", searchRequest("displayName sw \"a\""));

    assertFoundInOrder(found, fixtures.ids("alice", "allStaff"), "displayName sw a");
    assertEquals(2, found.json().path("totalResults").asInt(), found::toString);
  }

  @Test
  void attributeOnlyOneTypeHasSimplyDoesNotMatchTheOther() {
    assertFoundInOrder(scim.post("/.search", searchRequest("userName sw \"a\"")), fixtures.ids("alice"),
        "userName");
    String daveIsMember = "members.value eq \"" + fixtures.id("dave") + "\"";
    assertFoundInOrder(scim.post("/.search", searchRequest(daveIsMember)), fixtures.ids("sales"),
        daveIsMember);
    String either = "userName eq \"eve@example.net\" or displayName eq \"empty\"";
    assertFoundInOrder(scim.post("/.search", searchRequest(either)), fixtures.ids("eve", "empty"), either);
  }

  @Test
  void filterOnAnAttributeNoTypeHasIs400InvalidFilter() {
    assertScimError(scim.post("/.search", searchRequest("nosuch eq \"x\"")), 400, "invalidFilter");
    assertScimError(scim.post("/.search", searchRequest("userName eq")), 400, "invalidFilter");
  }

  @Test
  void totalResultsIsTheSumAcrossTypes() {
    // dave, alice and bob have an externalId; so do Engineering and Sales.
    QueryFixtures.assertFound(scim.post("/.search", searchRequest("externalId pr")),
        fixtures.ids("dave", "alice", "bob", "engineering", "sales"), "externalId pr");

    ScimResponse counted = scim.post("/.search", searchRequest("externalId pr").put("count", 0));
    assertStatus(200, counted);
    assertEquals(5, counted.json().path("totalResults").asInt(), counted::toString);
    assertEquals(0, counted.json().path("itemsPerPage").asInt(-1), counted::toString);
  }

  @Test
  void startIndexAndCountPageAcrossUsersAndGroups() {
    List<String> all = everything();

    ScimResponse straddling = scim.post("/.search", searchRequest().put("startIndex", 4).put("count", 4));
    assertListResponse(straddling, 9, 4, 4);
    assertEquals(all.subList(3, 7), ids(straddling));

    ScimResponse groupsOnly = scim.post("/.search", searchRequest().put("startIndex", 7).put("count", 5));
    assertListResponse(groupsOnly, 9, 3, 7);
    assertEquals(all.subList(6, 9), ids(groupsOnly));

    List<String> walked = new ArrayList<>();
    for (int start = 1; start <= 9; start += 2) {
      walked.addAll(ids(scim.post("/.search", searchRequest().put("startIndex", start).put("count", 2))));
    }
    assertEquals(all, walked);
  }

  @Test
  void sortByIsRefusedWithAHintToSearchOneEndpoint() {
    ScimResponse refused = scim.post("/.search", searchRequest().put("sortBy", "displayName"));

    assertScimError(refused, 400, "invalidValue");
    String detail = refused.json().path("detail").asText();
    assertTrue(detail.contains("/Users") || detail.toLowerCase().contains("endpoint"),
        () -> "the detail names the way out: " + detail);
  }

  @Test
  void readOnlyTokenMaySearchAtTheRoot() throws IOException {
    TestJwtIssuer idp = new TestJwtIssuer();
    Path jwt = Files.createDirectories(data.resolve("jwt"));
    GatewayConfig config = TestGateway.config(jwt)
        .withAuth(new GatewayConfig.Auth(null, TestJwtIssuer.fileConfig(idp.writeJwks(jwt))));
    try (TestGateway secured = TestGateway.start(config, null)) {
      String writeToken = idp.token(TestJwtIssuer.READ_WRITE);
      String readToken = idp.token("scim.read");
      ScimSession admin = new ScimSession(secured.client().withToken(writeToken), writeToken);
      ScimSession reader = new ScimSession(secured.client().withToken(readToken), readToken);
      ScimResponse created = admin.post("/Users", ScimJson.minimalUser("reader.visible@example.com"));
      assertStatus(201, created);

      ScimResponse found =
          reader.post("/.search", searchRequest("userName eq \"reader.visible@example.com\""));

      assertListResponse(found, 1, 1, 1);
      assertEquals(List.of(created.text("id")), ids(found));
      admin.assertNoServerErrors();
      reader.assertNoServerErrors();
    }
  }
}
