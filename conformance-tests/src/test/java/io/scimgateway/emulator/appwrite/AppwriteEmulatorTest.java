package io.scimgateway.emulator.appwrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppwriteEmulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private AppwriteEmulator emulator;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Status and parsed body (null when empty). */
  record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

  @BeforeEach
  void start() throws IOException {
    emulator = new AppwriteEmulator("proj1", "secret", 0, 3).start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Reply call(String method, String path, String body, String project, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUri() + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (project != null) {
      request.header("X-Appwrite-Project", project);
    }
    if (key != null) {
      request.header("X-Appwrite-Key", key);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode parsed = response.body().isEmpty() ? null : JSON.readTree(response.body());
    return new Reply(response.statusCode(), parsed, response);
  }

  private Reply call(String method, String path, String body) throws Exception {
    return call(method, path, body, "proj1", "secret");
  }

  private static String queries(String... queries) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < queries.length; i++) {
      parts.add("queries[" + i + "]=" + URLEncoder.encode(queries[i], StandardCharsets.UTF_8));
    }
    return "?" + String.join("&", parts);
  }

  private Reply createUser(String id, String email, String name) throws Exception {
    return call("POST", "/users", "{\"userId\":\"" + id + "\",\"email\":\"" + email + "\",\"name\":\"" + name
        + "\",\"password\":\"correct horse\"}");
  }

  private static void assertError(Reply reply, int code, String type) {
    assertEquals(code, reply.status(), () -> String.valueOf(reply.body()));
    assertEquals(code, reply.body().get("code").asInt());
    assertEquals(type, reply.body().get("type").asText());
    assertTrue(reply.body().get("message").isTextual());
    assertTrue(reply.body().get("version").isTextual());
  }

  @Test
  void authFailuresUseAppwriteErrorBodies() throws Exception {
    assertError(call("GET", "/users", null, "proj1", "wrong"), 401, "general_unauthorized_scope");
    assertError(call("GET", "/users", null, "proj1", null), 401, "general_unauthorized_scope");
    assertError(call("GET", "/users", null, null, "secret"), 401, "general_unauthorized_scope");
    assertError(call("GET", "/users", null, "other", "secret"), 404, "project_not_found");
    assertError(call("GET", "/nothing", null), 404, "general_route_not_found");
  }

  @Test
  void createGetAndDuplicate() throws Exception {
    Reply created = createUser("alice", "Alice@Example.com", "Alice A");
    assertEquals(201, created.status());
    JsonNode user = created.body();
    assertEquals("alice", user.get("$id").asText());
    assertEquals("alice@example.com", user.get("email").asText());
    assertTrue(user.get("status").asBoolean());
    assertEquals(0, user.get("labels").size());
    assertTrue(user.get("prefs").isObject());
    assertFalse(user.get("emailVerification").asBoolean());
    assertTrue(user.get("$createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00"));
    assertEquals("argon2", user.get("hash").asText());
    assertFalse(user.has("$sequence"));

    assertEquals("Alice A", call("GET", "/users/alice", null).body().get("name").asText());
    assertError(call("GET", "/users/nobody", null), 404, "user_not_found");
    assertError(createUser("alice", "other@example.com", "X"), 409, "user_already_exists");
    assertError(createUser("alice2", "ALICE@example.com", "X"), 409, "user_already_exists");

    Reply generated = call("POST", "/users", "{\"userId\":\"unique()\",\"email\":\"gen@example.com\"}");
    assertTrue(generated.body().get("$id").asText().matches("[0-9a-f]{20}"));
    assertError(call("POST", "/users", "{\"userId\":\"_bad\"}"), 400, "general_argument_invalid");
    assertError(call("POST", "/users", "{\"userId\":\"" + "a".repeat(37) + "\"}"), 400, "general_argument_invalid");
    assertError(call("POST", "/users", "{\"userId\":\"p\",\"password\":\"short\"}"), 400, "general_argument_invalid");
    assertError(call("POST", "/users", "{\"userId\":\"p\",\"phone\":\"12065550100\"}"), 400,
        "general_argument_invalid");
  }

  @Test
  void listFiltersOrdersAndPages() throws Exception {
    createUser("u1", "ann@example.com", "Ann Smith");
    createUser("u2", "bob@example.com", "Bob Smith");
    createUser("u3", "cat@example.org", "Cat Jones");
    createUser("u4", "dan@example.org", "Dan Jones");

    Reply all = call("GET", "/users", null);
    assertEquals(3, all.body().get("total").asInt(), "total is capped at the count limit (3 here, 5000 in Appwrite)");
    assertEquals(4, all.body().get("users").size());

    Reply byEmail = call("GET", "/users" + queries("{\"method\":\"equal\",\"attribute\":\"email\",\"values\":[\"bob@example.com\"]}"), null);
    assertEquals(1, byEmail.body().get("total").asInt());
    assertEquals("u2", byEmail.body().get("users").get(0).get("$id").asText());

    assertEquals(3, call("GET", "/users" + queries("{\"method\":\"notEqual\",\"attribute\":\"name\",\"values\":[\"Ann Smith\"]}"), null).body().get("users").size());
    assertEquals(2, call("GET", "/users" + queries("{\"method\":\"endsWith\",\"attribute\":\"email\",\"values\":[\".org\"]}"), null).body().get("users").size());
    Reply starts = call("GET", "/users" + queries("{\"method\":\"startsWith\",\"attribute\":\"name\",\"values\":[\"Da\"]}"), null);
    assertEquals("u4", starts.body().get("users").get(0).get("$id").asText());
    assertEquals(2, call("GET", "/users?search=jones", null).body().get("users").size());

    Reply desc = call("GET", "/users" + queries("{\"method\":\"orderDesc\",\"attribute\":\"name\"}",
        "{\"method\":\"limit\",\"values\":[2]}"), null);
    assertEquals("u4", desc.body().get("users").get(0).get("$id").asText());
    assertEquals(2, desc.body().get("users").size());

    Reply page1 = call("GET", "/users" + queries("{\"method\":\"limit\",\"values\":[3]}"), null);
    assertEquals(List.of("u1", "u2", "u3"), ids(page1));
    Reply page2 = call("GET", "/users" + queries("{\"method\":\"limit\",\"values\":[3]}",
        "{\"method\":\"cursorAfter\",\"values\":[\"u3\"]}"), null);
    assertEquals(List.of("u4"), ids(page2));
    Reply offset = call("GET", "/users" + queries("{\"method\":\"limit\",\"values\":[1]}",
        "{\"method\":\"offset\",\"values\":[1]}"), null);
    assertEquals(List.of("u2"), ids(offset));
    assertEquals(0, call("GET", "/users?total=false", null).body().get("total").asInt());

    assertError(call("GET", "/users" + queries("{\"method\":\"cursorAfter\",\"values\":[\"gone\"]}"), null), 400,
        "general_cursor_not_found");
    assertError(call("GET", "/users" + queries("{\"method\":\"equal\",\"attribute\":\"password\",\"values\":[\"x\"]}"), null), 400,
        "general_query_invalid");
    assertError(call("GET", "/users" + queries("{\"method\":\"bogus\",\"attribute\":\"name\",\"values\":[\"x\"]}"), null), 400,
        "general_query_invalid");
    assertError(call("GET", "/users?queries[]=not-json", null), 400, "general_query_invalid");
  }

  private static List<String> ids(Reply reply) {
    List<String> ids = new ArrayList<>();
    reply.body().get("users").forEach(user -> ids.add(user.get("$id").asText()));
    return ids;
  }

  @Test
  void perFieldUpdatesLabelsPrefsStatusAndDelete() throws Exception {
    createUser("u1", "ann@example.com", "Ann");
    assertEquals("Annie", call("PATCH", "/users/u1/name", "{\"name\":\"Annie\"}").body().get("name").asText());
    assertEquals("new@example.com",
        call("PATCH", "/users/u1/email", "{\"email\":\"NEW@example.com\"}").body().get("email").asText());
    assertEquals("+12065550100",
        call("PATCH", "/users/u1/phone", "{\"number\":\"+12065550100\"}").body().get("phone").asText());
    assertFalse(call("PATCH", "/users/u1/status", "{\"status\":false}").body().get("status").asBoolean());
    assertEquals(1, call("GET", "/users" + queries("{\"method\":\"equal\",\"attribute\":\"status\",\"values\":[false]}"), null)
        .body().get("users").size());

    Reply labels = call("PUT", "/users/u1/labels", "{\"labels\":[\"admin\",\"sales2\"]}");
    assertEquals(2, labels.body().get("labels").size());
    assertError(call("PUT", "/users/u1/labels", "{\"labels\":[\"bad-label\"]}"), 400, "general_argument_invalid");
    assertError(call("PUT", "/users/u1/labels", "{\"labels\":[\"" + "a".repeat(37) + "\"]}"), 400,
        "general_argument_invalid");
    assertEquals(1, call("GET", "/users" + queries("{\"method\":\"contains\",\"attribute\":\"labels\",\"values\":[\"admin\"]}"), null)
        .body().get("users").size());

    call("PATCH", "/users/u1/prefs", "{\"prefs\":{\"a\":1,\"b\":2}}");
    Reply prefs = call("PATCH", "/users/u1/prefs", "{\"prefs\":{\"c\":3}}");
    assertEquals(JSON.readTree("{\"c\":3}"), prefs.body());
    assertEquals(JSON.readTree("{\"c\":3}"), call("GET", "/users/u1/prefs", null).body());

    String before = call("GET", "/users/u1", null).body().get("password").asText();
    Reply password = call("PATCH", "/users/u1/password", "{\"password\":\"another secret\"}");
    assertFalse(password.body().get("password").asText().equals(before));
    assertFalse(password.body().get("passwordUpdate").asText().isEmpty());

    Reply deleted = call("DELETE", "/users/u1", null);
    assertEquals(204, deleted.status());
    assertError(call("GET", "/users/u1", null), 404, "user_not_found");
  }

  @Test
  void teamsAndMemberships() throws Exception {
    createUser("u1", "ann@example.com", "Ann");
    Reply team = call("POST", "/teams", "{\"teamId\":\"t1\",\"name\":\"Sales\"}");
    assertEquals(201, team.status());
    assertEquals(0, team.body().get("total").asInt());
    assertError(call("POST", "/teams", "{\"teamId\":\"t1\",\"name\":\"Again\"}"), 409, "team_already_exists");

    Reply membership = call("POST", "/teams/t1/memberships", "{\"userId\":\"u1\",\"roles\":[\"member\"]}");
    assertEquals(201, membership.status());
    assertTrue(membership.body().get("confirm").asBoolean());
    assertEquals("Sales", membership.body().get("teamName").asText());
    assertEquals(409, call("POST", "/teams/t1/memberships", "{\"userId\":\"u1\",\"roles\":[\"member\"]}").status());
    assertError(call("POST", "/teams/t1/memberships", "{\"userId\":\"nobody\",\"roles\":[\"member\"]}"), 404,
        "user_not_found");
    Reply byEmail = call("POST", "/teams/t1/memberships", "{\"email\":\"fresh@example.com\",\"roles\":[\"member\"]}");
    assertEquals(201, byEmail.status());
    assertEquals(200, call("GET", "/users/" + byEmail.body().get("userId").asText(), null).status());
    assertEquals(2, call("GET", "/teams/t1", null).body().get("total").asInt());

    Reply found = call("GET", "/teams/t1/memberships" + queries("{\"method\":\"equal\",\"attribute\":\"userId\",\"values\":[\"u1\"]}"), null);
    assertEquals(1, found.body().get("memberships").size());
    String membershipId = found.body().get("memberships").get(0).get("$id").asText();
    assertEquals(1, call("GET", "/users/u1/memberships", null).body().get("memberships").size());
    assertEquals(204, call("DELETE", "/teams/t1/memberships/" + membershipId, null).status());
    assertError(call("GET", "/teams/t1/memberships/" + membershipId, null), 404, "membership_not_found");
    assertEquals(1, call("GET", "/teams/t1", null).body().get("total").asInt());

    assertEquals(1, call("GET", "/teams?search=sales", null).body().get("teams").size());
    assertEquals(204, call("DELETE", "/teams/t1", null).status());
    assertError(call("GET", "/teams/t1", null), 404, "team_not_found");
  }

  @Test
  void faultsAnswerInAppwriteShape() throws Exception {
    emulator.faults().rateLimitNext(2, 7);
    Reply limited = call("GET", "/users", null);
    assertError(limited, 429, "general_rate_limit_exceeded");
    assertEquals("7", limited.raw().headers().firstValue("Retry-After").orElseThrow());
    assertEquals(429, call("GET", "/users", null).status());
    assertEquals(200, call("GET", "/users", null).status());

    emulator.faults().failNext(1);
    assertError(call("GET", "/users", null), 500, "general_unknown");
    assertEquals(200, call("GET", "/users", null).status());
  }
}
