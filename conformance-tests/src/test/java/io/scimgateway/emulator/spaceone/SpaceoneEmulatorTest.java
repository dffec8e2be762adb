package io.scimgateway.emulator.spaceone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpaceoneEmulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Secret-pass1";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private SpaceoneEmulator emulator;

  record Reply(int status, JsonNode body) {

    String code() {
      return body.path("error").path("code").asText(body.path("detail").path("code").asText());
    }
  }

  @BeforeEach
  void start() throws Exception {
    emulator = new SpaceoneEmulator(SpaceoneSettings.of("domain-test")).start();
    emulator.addRole("role-admin", "Domain Admin", "DOMAIN");
    emulator.addRole("role-member", "Project Member", "PROJECT");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Reply call(URI base, String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readTree(response.body()));
  }

  private Reply call(String path, String body) throws Exception {
    return call(emulator.baseUri(), path, body, "Bearer " + emulator.apiKey());
  }

  private Reply create(String userId, String extra) throws Exception {
    return call("/user/create", "{\"user_id\":\"" + userId + "\",\"password\":\"" + PASSWORD + "\"" + extra + "}");
  }

  private List<String> ids(Reply list) {
    List<String> ids = new ArrayList<>();
    list.body().path("results").forEach(user -> ids.add(user.path("user_id").asText()));
    return ids;
  }

  @Test
  void createsUsersWithTheStorageRulesAndDefaults() throws Exception {
    Reply created = create("ada@example.com", ",\"name\":\"  Ada Lovelace \",\"timezone\":\"Asia/Seoul\"");
    assertEquals(200, created.status(), created::toString);
    assertEquals("Ada Lovelace", created.body().path("name").asText());
    assertEquals("ENABLED", created.body().path("state").asText());
    assertEquals("en", created.body().path("language").asText());
    assertEquals("LOCAL", created.body().path("backend").asText());
    assertTrue(created.body().path("created_at").asText().endsWith("Z"));
    assertEquals(PASSWORD, emulator.password("ada@example.com"));

    assertEquals("ERROR_SAVE_UNIQUE_VALUES", create("ada@example.com", "").code());
    assertEquals(409, create("ada@example.com", "").status());
    assertEquals("ERROR_INCORRECT_USER_ID_FORMAT", create("ada", "").code());
    assertEquals("ERROR_INVALID_PARAMETER", create("a".repeat(30) + "@example.com", "").code());
    assertEquals("ERROR_INVALID_PARAMETER", create("tz@example.com", ",\"timezone\":\"Mars/Olympus\"").code());
    assertEquals("ERROR_INVALID_PARAMETER", create("odd@example.com", ",\"nickname\":\"x\"").code());
    Reply weak = call("/user/create", "{\"user_id\":\"weak@example.com\",\"password\":\"alllowercase1\"}");
    assertEquals(400, weak.status());
    assertEquals("ERROR_INCORRECT_PASSWORD_FORMAT", weak.code());
    assertEquals("ERROR_REQUIRED_PARAMETER", call("/user/create", "{\"user_id\":\"no.pw@example.com\"}").code());
    Reply api = call("/user/create", "{\"user_id\":\"robot\",\"user_type\":\"API_USER\"}");
    assertEquals(200, api.status(), api::toString);
    assertEquals("ERROR_NOT_ALLOWED_EXTERNAL_AUTHENTICATION",
        call("/user/create", "{\"user_id\":\"ext@example.com\",\"backend\":\"EXTERNAL\"}").code());
  }

  @Test
  void listsWithTheQueryOperatorsPagingAndTotals() throws Exception {
    create("carol@example.com", ",\"name\":\"Carol\",\"email\":\"carol@example.com\"");
    create("alice@example.com", ",\"name\":\"Alice\",\"email\":\"ALICE@example.com\"");
    create("bob@example.org", ",\"name\":\"Bob\",\"tags\":{\"team\":\"red\"}");

    assertEquals(List.of("alice@example.com", "bob@example.org", "carol@example.com"),
        ids(call("/user/list", "{}")), "the default order is by name");
    assertEquals(List.of("alice@example.com"),
        ids(call("/user/list", "{\"query\":{\"filter\":[{\"k\":\"email\",\"v\":\"alice\",\"o\":\"contain\"}]}}")));
    assertEquals(List.of("alice@example.com", "carol@example.com"), ids(call("/user/list",
        "{\"query\":{\"filter\":[{\"key\":\"user_id\",\"value\":\"^[a-c].*\\\\.COM$\",\"operator\":\"regex\"}]}}")));
    assertEquals(List.of("bob@example.org", "carol@example.com"), ids(call("/user/list",
        "{\"query\":{\"filter_or\":[{\"k\":\"tags.team\",\"v\":\"red\",\"o\":\"eq\"},"
            + "{\"k\":\"name\",\"v\":[\"Carol\"],\"o\":\"in\"}]}}")));
    assertEquals(List.of("bob@example.org"),
        ids(call("/user/list", "{\"query\":{\"filter\":[{\"k\":\"tags.team\",\"v\":true,\"o\":\"exists\"}]}}")));
    assertEquals(List.of(), ids(call("/user/list",
        "{\"query\":{\"filter\":[{\"k\":\"created_at\",\"v\":\"2999-01-01T00:00:00Z\",\"o\":\"datetime_gt\"}]}}")));
    assertEquals(List.of("alice@example.com"), ids(call("/user/list", "{\"user_id\":\"alice@example.com\"}")));

    Reply page = call("/user/list", "{\"query\":{\"sort\":{\"keys\":[{\"key\":\"user_id\",\"desc\":true}]},"
        + "\"page\":{\"start\":2,\"limit\":1}}}");
    assertEquals(List.of("bob@example.org"), ids(page));
    assertEquals(3, page.body().path("total_count").asInt());
    Reply counted = call("/user/list", "{\"query\":{\"count_only\":true}}");
    assertEquals(0, counted.body().path("results").size());
    assertEquals(3, counted.body().path("total_count").asInt());
    JsonNode minimal = call("/user/list", "{\"query\":{\"minimal\":true}}").body().path("results").get(0);
    assertEquals(List.of("user_id", "name", "state", "user_type"), fieldNames(minimal));

    assertEquals("ERROR_OPERATOR_VALUE_TYPE",
        call("/user/list", "{\"query\":{\"filter\":[{\"k\":\"name\",\"v\":[\"a\"],\"o\":\"eq\"}]}}").code());
    assertEquals("ERROR_OPERATOR_LIST_VALUE_TYPE",
        call("/user/list", "{\"query\":{\"filter\":[{\"k\":\"name\",\"v\":\"a\",\"o\":\"in\"}]}}").code());
    assertEquals("ERROR_OPERATOR_BOOLEAN_TYPE",
        call("/user/list", "{\"query\":{\"filter\":[{\"k\":\"name\",\"v\":\"a\",\"o\":\"exists\"}]}}").code());
    assertEquals("ERROR_DB_QUERY",
        call("/user/list", "{\"query\":{\"filter\":[{\"k\":\"name\",\"v\":\"a\",\"o\":\"like\"}]}}").code());
    assertEquals("ERROR_DB_QUERY", call("/user/list",
        "{\"query\":{\"filter\":[{\"k\":\"created_at\",\"v\":\"yesterday\",\"o\":\"datetime_lt\"}]}}").code());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void updatesEnablesAndRecordsResetsAndRequiredActions() throws Exception {
    create("dan@example.com", ",\"email\":\"dan@example.com\"");
    assertEquals("ERROR_PASSWORD_NOT_CHANGED",
        call("/user/update", "{\"user_id\":\"dan@example.com\",\"password\":\"" + PASSWORD + "\"}").code());
    assertEquals("ERROR_INVALID_PARAMETER",
        call("/user/update", "{\"user_id\":\"dan@example.com\",\"user_type\":\"API_USER\"}").code());
    assertEquals("DISABLED", call("/user/disable", "{\"user_id\":\"dan@example.com\"}").body().path("state").asText());
    assertEquals("DISABLED", call("/user/disable", "{\"user_id\":\"dan@example.com\"}").body().path("state").asText());
    assertEquals("ENABLED", call("/user/enable", "{\"user_id\":\"dan@example.com\"}").body().path("state").asText());

    Reply required = call("/user/set-required-actions",
        "{\"user_id\":\"dan@example.com\",\"actions\":[\"UPDATE_PASSWORD\"]}");
    assertEquals("[\"UPDATE_PASSWORD\"]", required.body().path("required_actions").toString());
    Reply changed = call("/user/update", "{\"user_id\":\"dan@example.com\",\"password\":\"Another-pass2\"}");
    assertEquals("[]", changed.body().path("required_actions").toString());

    assertEquals("ERROR_VERIFICATION_UNAVAILABLE",
        call("/user/reset-password", "{\"user_id\":\"dan@example.com\"}").code());
    call("/user/verify-email", "{\"user_id\":\"dan@example.com\",\"force\":true}");
    assertEquals(200, call("/user/reset-password", "{\"user_id\":\"dan@example.com\"}").status());
    assertEquals(List.of(
        new SpaceoneAction("set_required_actions", "dan@example.com", List.of("UPDATE_PASSWORD")),
        new SpaceoneAction("password_changed", "dan@example.com", List.of()),
        new SpaceoneAction("reset_password", "dan@example.com", List.of("ACCESS_TOKEN"))), emulator.actions());

    emulator.addExternalUser("sso@example.com", "sso@example.com");
    assertEquals("ERROR_UNABLE_TO_RESET_PASSWORD_IN_EXTERNAL_AUTH",
        call("/user/reset-password", "{\"user_id\":\"sso@example.com\"}").code());
    assertEquals("ERROR_NOT_ALLOWED_ACTIONS", call("/user/set-required-actions",
        "{\"user_id\":\"sso@example.com\",\"actions\":[\"UPDATE_PASSWORD\"]}").code());

    assertEquals(200, call("/user/delete", "{\"user_id\":\"dan@example.com\"}").status());
    Reply gone = call("/user/get", "{\"user_id\":\"dan@example.com\"}");
    assertEquals(404, gone.status());
    assertEquals("Value not found. (user_id = dan@example.com)", gone.body().path("error").path("message").asText());
  }

  @Test
  void userGroupsProjectsAndRoleBindings() throws Exception {
    create("eve@example.com", "");
    JsonNode group = call(URI.create(emulator.root() + "/identity/v2"), "/user-group/create", "{\"name\":\"Ops\"}",
        "Bearer " + emulator.apiKey()).body();
    String groupId = group.path("user_group_id").asText();
    assertTrue(groupId.startsWith("ug-"), group::toString);
    Reply added = call(URI.create(emulator.root() + "/identity/v2"), "/user-group/add-users",
        "{\"user_group_id\":\"" + groupId + "\",\"users\":[\"eve@example.com\"]}", "Bearer " + emulator.apiKey());
    assertEquals("[\"eve@example.com\"]", added.body().path("users").toString());
    assertEquals(404, call("/user-group/create", "{\"name\":\"v1 has none\"}").status());

    String project = call("/project/create", "{\"name\":\"Payments\",\"project_group_id\":\"pg-1\"}").body()
        .path("project_id").asText();
    assertEquals("ERROR_ONLY_ALLOWED_PROJECT_TYPE", call("/project/add-member",
        "{\"project_id\":\"" + project + "\",\"user_id\":\"eve@example.com\",\"role_id\":\"role-admin\"}").code());
    call("/project/add-member",
        "{\"project_id\":\"" + project + "\",\"user_id\":\"eve@example.com\",\"role_id\":\"role-member\"}");
    Reply members = call("/project/list-members", "{\"project_id\":\"" + project + "\"}");
    assertEquals("eve@example.com", members.body().path("results").get(0).path("user_info").path("user_id").asText());
    assertEquals(1, call("/role-binding/list", "{\"project_id\":\"" + project + "\"}").body().path("total_count")
        .asInt(), "a member is a role binding in the project");

    Reply bound = call("/role-binding/create",
        "{\"resource_type\":\"identity.User\",\"resource_id\":\"eve@example.com\",\"role_id\":\"role-admin\"}");
    assertEquals(200, bound.status(), bound::toString);
    assertEquals("ERROR_DUPLICATE_ROLE_BOUND", call("/role-binding/create",
        "{\"resource_type\":\"identity.User\",\"resource_id\":\"eve@example.com\",\"role_id\":\"role-admin\"}").code());
    assertEquals(2, call("/role-binding/list", "{\"resource_id\":\"eve@example.com\"}").body()
        .path("total_count").asInt(), "the project's binding and the domain's");

    call("/user/delete", "{\"user_id\":\"eve@example.com\"}");
    assertEquals(0, call("/role-binding/list", "{}").body().path("total_count").asInt());
    assertEquals(0, call("/project/list-members", "{\"project_id\":\"" + project + "\"}").body()
        .path("total_count").asInt());
  }

  @Test
  void authenticatesServesTheConsolePrefixAndInjectsFaults() throws Exception {
    Reply anonymous = call(emulator.baseUri(), "/user/list", "{}", null);
    assertEquals(401, anonymous.status());
    assertEquals("ERROR_AUTHENTICATE_FAILURE", anonymous.code());
    assertEquals(401, call(emulator.baseUri(), "/user/list", "{}", "Bearer not-the-key").status());
    assertEquals(200, call(emulator.consoleBaseUri(), "/user/list", "{}", "Bearer " + emulator.apiKey()).status());

    emulator.faults().rateLimitNext(1, 1).failNext(1);
    Reply limited = call("/user/list", "{}");
    assertEquals(429, limited.status());
    assertEquals("ERROR_RESOURCE_EXHAUSTED", limited.code());
    Reply failed = call("/user/list", "{}");
    assertEquals(500, failed.status());
    assertEquals("ERROR_UNKNOWN", failed.code());

    emulator.faults().applyThenFailNext(1);
    assertEquals(500, create("lost@example.com", "").status());
    assertEquals("lost@example.com", emulator.user("lost@example.com").path("user_id").asText());
  }

  @Test
  void answersInFastApisShapeWhenSetTo() throws Exception {
    emulator.close();
    emulator = new SpaceoneEmulator(SpaceoneSettings.of("domain-test").withFastApiErrors()).start();
    Reply missing = call("/user/get", "{\"user_id\":\"nobody@example.com\"}");
    assertEquals(404, missing.status());
    assertEquals("ERROR_NOT_FOUND", missing.body().path("detail").path("code").asText());
  }
}
