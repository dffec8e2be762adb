package io.scimgateway.emulator.zidentity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZidEmulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String CREDENTIALS =
      "grant_type=client_credentials&client_id=client-1&client_secret=secret-1&audience=https%3A%2F%2Fapi.zscaler.com";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private ZidEmulator emulator;
  private String token;

  /** Status, parsed body (null when empty) and the raw response for headers. */
  record Reply(int status, JsonNode body, HttpResponse<String> raw) {

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  @BeforeEach
  void start() throws Exception {
    restart(ZidSettings.of("client-1", "secret-1"));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private void restart(ZidSettings settings) throws Exception {
    if (emulator != null) {
      emulator.close();
    }
    emulator = new ZidEmulator(settings).start();
    token = requestToken(CREDENTIALS, null).body().get("access_token").asText();
  }

  private Reply send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()),
        response);
  }

  private Reply requestToken(String form, String basic) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(emulator.tokenUri()).header("Content-Type", FORM)
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (basic != null) {
      String encoded = Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + encoded);
    }
    return send(request);
  }

  private Reply call(URI base, String method, String path, String body, String bearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request);
  }

  private Reply call(String method, String path, String body) throws Exception {
    return call(emulator.baseUri(), method, path, body, token);
  }

  private String createUser(String loginName, String displayName) throws Exception {
    Reply created = call("POST", "/users", "{\"loginName\":\"" + loginName + "\",\"displayName\":\"" + displayName
        + "\",\"primaryEmail\":\"" + loginName + "\",\"status\":true}");
    assertEquals(201, created.status(), () -> String.valueOf(created.body()));
    return created.body().get("id").asText();
  }

  /** Creates users i = 0 .. count-1 from 8 threads at once; returns their ids. */
  private List<String> createUsers(int count, IntFunction<String> loginName, IntFunction<String> displayName)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        created.add(pool.submit(() -> createUser(loginName.apply(n), displayName.apply(n))));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> id : created) {
        ids.add(id.get());
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  private String createGroup(String body) throws Exception {
    Reply created = call("POST", "/groups", body);
    assertEquals(201, created.status(), () -> String.valueOf(created.body()));
    return created.body().get("id").asText();
  }

  private static void assertError(Reply reply, int status, String code) {
    assertEquals(status, reply.status(), () -> String.valueOf(reply.body()));
    assertEquals(code, reply.body().get("code").asText());
    assertTrue(reply.body().get("message").isTextual());
  }

  private static List<String> values(Reply list, String field) {
    List<String> values = new ArrayList<>();
    list.body().get("records").forEach(record -> values.add(record.get(field).asText()));
    return values;
  }

  @Test
  void tokenEndpointIssuesBearerTokensToTheConfiguredClientOnly() throws Exception {
    Reply issued = requestToken(CREDENTIALS, null);
    assertEquals(200, issued.status());
    assertEquals("Bearer", issued.body().get("token_type").asText());
    assertEquals(84_000, issued.body().get("expires_in").asLong());
    assertEquals(200, requestToken("grant_type=client_credentials", "client-1:secret-1").status(), "HTTP Basic");

    Reply wrongSecret = requestToken("grant_type=client_credentials&client_id=client-1&client_secret=nope", null);
    assertEquals(401, wrongSecret.status());
    assertEquals("invalid_client", wrongSecret.body().get("error").asText());
    assertEquals("invalid_request", requestToken("client_id=client-1&client_secret=secret-1", null)
        .body().get("error").asText());
    assertEquals("unsupported_grant_type", requestToken("grant_type=password&client_id=client-1", null)
        .body().get("error").asText());
    assertEquals(400, requestToken(CREDENTIALS.replace("zscaler", "example"), null).status());
    assertEquals(404, send(HttpRequest.newBuilder(emulator.tokenUri()).GET()).status());
    assertEquals(3, emulator.tokensIssued());
  }

  @Test
  void adminCallsNeedATokenThatHasNotExpired() throws Exception {
    assertError(call(emulator.baseUri(), "GET", "/users", null, null), 401, "UNAUTHORIZED");
    assertError(call(emulator.baseUri(), "GET", "/users", null, "made-up"), 401, "UNAUTHORIZED");

    restart(ZidSettings.of("client-1", "secret-1").withTokenLifetime(Duration.ofSeconds(1)));
    assertEquals(1, requestToken(CREDENTIALS, null).body().get("expires_in").asInt());
    assertEquals(200, call("GET", "/users", null).status());
    Thread.sleep(1_100);
    Reply expired = call("GET", "/users", null);
    assertError(expired, 401, "UNAUTHORIZED");
    assertTrue(expired.header("x-ratelimit-remaining") != null, "rate-limit headers on errors too");
    token = requestToken(CREDENTIALS, null).body().get("access_token").asText();
    assertEquals(200, call("GET", "/users", null).status());
    assertEquals(3, emulator.tokensIssued(), "one in restart, one to read expires_in, one refresh");
  }

  @Test
  void usersAreCreatedReadReplacedAndDeleted() throws Exception {
    Reply created = call("POST", "/users", "{\"loginName\":\"john@x.io\",\"displayName\":\"John Doe\","
        + "\"firstName\":\"John\",\"lastName\":\"Doe\",\"primaryEmail\":\"john@x.io\",\"secondaryEmail\":\"jd@y.com\","
        + "\"status\":true,\"source\":\"SCIM\",\"title\":\"Engineer\"}");
    assertEquals(201, created.status());
    JsonNode user = created.body();
    String id = user.get("id").asText();
    assertTrue(id.matches("i[0-9a-v]{12}"), id);
    assertEquals("API", user.get("source").asText());
    assertEquals(JSON.readTree("{}"), user.get("department"));
    assertEquals(JSON.readTree("{}"), user.get("idp"));
    assertEquals(JSON.readTree("{}"), user.get("customAttrsInfo"));
    assertEquals("Engineer", user.get("title").asText(), "optional fields pass through");
    assertEquals(user, call("GET", "/users/" + id, null).body());
    assertEquals(user, call(emulator.oneApiBaseUri(), "GET", "/users/" + id, null, token).body(), "OneAPI base");

    assertError(call("POST", "/users", "{\"loginName\":\"JOHN@x.io\"}"), 409, "CONFLICT");
    assertError(call("POST", "/users", "{\"displayName\":\"No Login\"}"), 400, "BAD_REQUEST");
    assertError(call("POST", "/users", "{\"loginName\":\"s@x.io\",\"status\":\"false\"}"), 400, "BAD_REQUEST");
    assertError(call("POST", "/users", "{\"loginName\":\"d@x.io\",\"department\":\"Sales\"}"), 400, "BAD_REQUEST");
    assertError(call("POST", "/users", "{not json"), 400, "BAD_REQUEST");
    assertError(call("POST", "/users", "[]"), 400, "BAD_REQUEST");

    Reply replaced = call("PUT", "/users/" + id, "{\"loginName\":\"john@x.io\",\"displayName\":\"Johnny\","
        + "\"status\":false,\"department\":{\"id\":\"tp1\",\"name\":\"Finance\"},\"id\":\"ignored\"}");
    assertEquals(200, replaced.status());
    assertEquals(id, replaced.body().get("id").asText());
    assertFalse(replaced.body().get("status").asBoolean());
    assertFalse(replaced.body().has("secondaryEmail"), "a PUT replaces the whole user");
    assertEquals("Finance", replaced.body().get("department").get("name").asText());
    assertEquals("API", replaced.body().get("source").asText());
    assertTrue(call("PUT", "/users/" + id, "{\"loginName\":\"john@x.io\"}").body().get("status").asBoolean(),
        "status left out is back to true: clients must always send it");
    createUser("jane@x.io", "Jane");
    assertError(call("PUT", "/users/" + id, "{\"loginName\":\"Jane@x.io\"}"), 409, "CONFLICT");

    assertEquals(204, call("DELETE", "/users/" + id, null).status());
    assertError(call("GET", "/users/" + id, null), 404, "NOT_FOUND");
    assertError(call("DELETE", "/users/" + id, null), 404, "NOT_FOUND");
    assertError(call("PATCH", "/users", null), 404, "NOT_FOUND");
    assertError(call("GET", "/departments", null), 404, "NOT_FOUND");
  }

  @Test
  void createAnswers202WhenConfigured() throws Exception {
    restart(ZidSettings.of("client-1", "secret-1").withCreateAnswer(ZidSettings.CreateAnswer.ACCEPTED));
    Reply accepted = call("POST", "/users", "{\"loginName\":\"a@x.io\"}");
    assertEquals(202, accepted.status());
    assertTrue(accepted.body().get("id").isTextual());

    restart(ZidSettings.of("client-1", "secret-1").withCreateAnswer(ZidSettings.CreateAnswer.ACCEPTED_EMPTY));
    Reply empty = call("POST", "/users", "{\"loginName\":\"b@x.io\"}");
    assertEquals(202, empty.status());
    assertNull(empty.body());
    assertEquals(List.of("b@x.io"), values(call("GET", "/users?loginname=b%40x.io", null), "loginName"));
  }

  @Test
  void listsPageWithOffsetAndLimitUpTo1000() throws Exception {
    createUsers(101, i -> String.format("u%03d@x.io", i),
        i -> String.format("%s %03d", i % 2 == 0 ? "user" : "User", i));
    Reply first = call("GET", "/users", null);
    assertEquals(0, first.body().get("pageOffset").asInt());
    assertEquals(100, first.body().get("pageSize").asInt());
    assertEquals(101, first.body().get("totalRecord").asInt());
    assertEquals(101, first.body().get("results_total").asInt());
    assertEquals(100, first.body().get("records").size());
    assertEquals("user 000", first.body().get("records").get(0).get("displayName").asText());
    assertEquals("User 001", first.body().get("records").get(1).get("displayName").asText(), "case-insensitive order");
    assertFalse(first.body().has("prev_link"));
    assertEquals(emulator.baseUri() + "/users?offset=100", first.body().get("next_link").asText());
    Reply last = send(HttpRequest.newBuilder(URI.create(first.body().get("next_link").asText()))
        .header("Authorization", "Bearer " + token));
    assertEquals(List.of("user 100"), values(last, "displayName"));
    assertFalse(last.body().has("next_link"));
    assertEquals(emulator.baseUri() + "/users?offset=0", last.body().get("prev_link").asText());

    Reply middle = call("GET", "/users?limit=10&offset=50&displayname%5Blike%5D=user", null);
    assertEquals(10, middle.body().get("records").size());
    assertEquals("user 050", middle.body().get("records").get(0).get("displayName").asText());
    assertEquals(emulator.baseUri() + "/users?offset=60&limit=10&displayname%5Blike%5D=user",
        middle.body().get("next_link").asText());
    assertEquals(101, call("GET", "/users?limit=1000", null).body().get("records").size());
    Reply none = call("GET", "/users?limit=0", null);
    assertEquals(0, none.body().get("records").size());
    assertEquals(101, none.body().get("results_total").asInt());
    assertFalse(none.body().has("next_link"));
    assertEquals(0, call("GET", "/users?offset=500", null).body().get("records").size());
    assertError(call("GET", "/users?limit=1001", null), 400, "BAD_REQUEST");
    assertError(call("GET", "/users?limit=-1", null), 400, "BAD_REQUEST");
    assertError(call("GET", "/users?offset=-1", null), 400, "BAD_REQUEST");
    assertError(call("GET", "/users?limit=ten", null), 400, "BAD_REQUEST");
  }

  @Test
  void userFiltersTakeEitherSpelling() throws Exception {
    createUser("ann@acme.io", "Ann Smith");
    createUser("bob@acme.io", "Bob Smith");
    createUser("cat@other.org", "Cat Jones");
    call("POST", "/users", "{\"loginName\":\"dan@acme.io\",\"displayName\":\"Dan\",\"primaryEmail\":\"dan@mail.org\","
        + "\"idp\":{\"id\":\"h1\",\"name\":\"Okta\"}}");

    assertEquals(List.of("ann@acme.io", "cat@other.org"),
        values(call("GET", "/users?loginname=ann%40acme.io&loginname=CAT%40other.org", null), "loginName"));
    assertEquals(List.of("Ann Smith", "Bob Smith"),
        values(call("GET", "/users?displayname%5Blike%5D=smith", null), "displayName"));
    assertEquals(List.of("Ann Smith", "Bob Smith"),
        values(call("GET", "/users?displayName%5Blike%5D=SMITH", null), "displayName"));
    assertEquals(List.of("bob@acme.io"), values(call("GET", "/users?loginName%5Blike%5D=BOB", null), "loginName"));
    assertEquals(List.of("Dan"), values(call("GET", "/users?primaryemail%5Blike%5D=mail.org", null), "displayName"));
    assertEquals(List.of("Cat Jones", "Dan"),
        values(call("GET", "/users?domainName=other.org&domainname=mail.org", null), "displayName"));
    assertEquals(List.of("Dan"), values(call("GET", "/users?idpname=okta", null), "displayName"));
    assertEquals(List.of("Ann Smith"),
        values(call("GET", "/users?displayname%5Blike%5D=smith&loginname%5Blike%5D=ann", null), "displayName"));
    assertEquals(4, call("GET", "/users?search=nothing", null).body().get("results_total").asInt(), "ignored");
  }

  @Test
  void groupsAndTheirMembers() throws Exception {
    String ann = createUser("ann@x.io", "Ann");
    String bob = createUser("bob@x.io", "Bob");
    String cat = createUser("cat@x.io", "Cat");
    Reply created = call("POST", "/groups", "{\"name\":\"Sales\",\"description\":\"d\",\"source\":\"SCIM\"}");
    assertEquals(201, created.status());
    String sales = created.body().get("id").asText();
    assertEquals("API", created.body().get("source").asText());
    assertFalse(created.body().get("dynamicGroup").asBoolean());
    assertFalse(created.body().get("adminEntitlementEnabled").asBoolean());
    String dynamic = createGroup("{\"name\":\"All staff\",\"isDynamicGroup\":true}");
    assertError(call("POST", "/groups", "{\"name\":\"sales\"}"), 409, "CONFLICT");
    assertError(call("POST", "/groups", "{\"description\":\"no name\"}"), 400, "BAD_REQUEST");

    assertEquals(List.of("All staff", "Sales"), values(call("GET", "/groups", null), "name"));
    assertEquals(List.of("Sales"), values(call("GET", "/groups?name%5Blike%5D=ale", null), "name"));
    assertEquals(List.of("Sales"), values(call("GET", "/groups?excludeDynamicGroups=true", null), "name"));
    Reply renamed = call("PUT", "/groups/" + sales, "{\"name\":\"Sales EU\",\"serviceEntitlementEnabled\":true}");
    assertEquals("Sales EU", renamed.body().get("name").asText());
    assertFalse(renamed.body().has("description"));
    assertEquals(renamed.body(), call("GET", "/groups/" + sales, null).body());

    Reply added = call("POST", "/groups/" + sales + "/users", "[{\"id\":\"" + ann + "\"},{\"id\":\"" + bob + "\"}]");
    assertEquals(200, added.status());
    assertEquals(List.of("Ann", "Bob"), values(call("GET", "/groups/" + sales + "/users", null), "displayName"));
    assertEquals(List.of("Bob"),
        values(call("GET", "/groups/" + sales + "/users?loginname%5Blike%5D=bob", null), "displayName"));
    assertError(call("POST", "/groups/" + sales + "/users", "[{\"id\":\"" + cat + "\"},{\"id\":\"gone\"}]"), 404,
        "NOT_FOUND");
    assertEquals(2, call("GET", "/groups/" + sales + "/users", null).body().get("results_total").asInt(), "atomic");
    assertError(call("POST", "/groups/" + sales + "/users", "{\"id\":\"" + cat + "\"}"), 400, "BAD_REQUEST");

    assertEquals(200, call("PUT", "/groups/" + sales + "/users", "[{\"id\":\"" + cat + "\"}]").status());
    assertEquals(List.of("Cat"), values(call("GET", "/groups/" + sales + "/users", null), "displayName"));
    assertEquals(200, call("POST", "/groups/" + sales + "/users/" + ann, "{}").status());
    assertEquals(List.of("Sales EU"), values(call("GET", "/users/" + ann + "/groups", null), "name"));
    assertEquals(204, call("DELETE", "/groups/" + sales + "/users/" + cat, null).status());
    assertError(call("DELETE", "/groups/" + sales + "/users/" + cat, null), 404, "NOT_FOUND");
    assertError(call("POST", "/groups/" + dynamic + "/users/" + ann, "{}"), 400, "BAD_REQUEST");
    assertError(call("PUT", "/groups/" + dynamic + "/users", "[]"), 400, "BAD_REQUEST");

    assertEquals(204, call("DELETE", "/users/" + ann, null).status());
    assertEquals(0, call("GET", "/groups/" + sales + "/users", null).body().get("results_total").asInt());
    assertEquals(204, call("DELETE", "/groups/" + sales, null).status());
    assertError(call("GET", "/groups/" + sales, null), 404, "NOT_FOUND");
    assertEquals(0, call("GET", "/users/" + bob + "/groups", null).body().get("records").size());
  }

  @Test
  void entitlementsComeFromTheUserAndTheirGroups() throws Exception {
    String ann = createUser("ann@x.io", "Ann");
    String bob = createUser("bob@x.io", "Bob");
    String admins = createGroup("{\"name\":\"Admins\",\"adminEntitlementEnabled\":true}");
    String plain = createGroup("{\"name\":\"Plain\"}");
    call("POST", "/groups/" + admins + "/users", "[{\"id\":\"" + ann + "\"}]");
    ZidEntitlements.Service zia = new ZidEntitlements.Service("s1", "ZIA", "zscaler", "zscaler.net", "Acme", "o1");
    ZidEntitlements.Admin superAdmin = new ZidEntitlements.Admin(
        List.of(new ZidEntitlements.Named("r1", "super", "Super Admin")),
        new ZidEntitlements.Named("sc1", "org", "Organization"), zia);
    emulator.grantAdminEntitlement(admins, superAdmin);
    emulator.grantServiceEntitlement(ann, zia);
    assertThrows(IllegalArgumentException.class, () -> emulator.grantServiceEntitlement(plain, zia));
    assertThrows(IllegalArgumentException.class, () -> emulator.grantServiceEntitlement("nobody", zia));

    JsonNode admin = call("GET", "/users/" + ann + "/admin-entitlements", null).body();
    assertEquals(JSON.readTree("[{\"roles\":[{\"id\":\"r1\",\"name\":\"super\",\"displayName\":\"Super Admin\"}],"
        + "\"scope\":{\"id\":\"sc1\",\"name\":\"org\",\"displayName\":\"Organization\"},"
        + "\"service\":{\"id\":\"s1\",\"serviceName\":\"ZIA\",\"cloudName\":\"zscaler\","
        + "\"cloudDomainName\":\"zscaler.net\",\"orgName\":\"Acme\",\"orgId\":\"o1\"}}]"), admin);
    JsonNode services = call("GET", "/users/" + ann + "/service-entitlements", null).body();
    assertEquals(JSON.valueToTree(List.of(zia)), services);
    assertEquals(0, call("GET", "/users/" + bob + "/admin-entitlements", null).body().size());
    assertEquals(0, call("GET", "/users/" + bob + "/service-entitlements", null).body().size());
    assertError(call("GET", "/users/nobody/service-entitlements", null), 404, "NOT_FOUND");
  }

  @Test
  void passwordActionsInEitherUrlFormAreRecordedOnce() throws Exception {
    String ann = createUser("ann@x.io", "Ann");
    assertEquals(200, call("PUT", "/users/" + ann + ":updatepassword",
        "{\"password\":\"S3cret!pass\",\"resetPwdOnLogin\":true}").status());
    Reply reset = call("POST", "/users/" + ann + "/resetpassword", null);
    assertEquals(200, reset.status());
    assertTrue(reset.body().isTextual());
    assertEquals(200, call("POST", "/users/" + ann + "%3Asetskipmfa", "{\"timestamp\":1900000000}").status());
    assertEquals(1_900_000_000, call("GET", "/users/" + ann, null).body().get("skipMfaUntil").asInt());

    assertError(call("PUT", "/users/" + ann + ":updatepassword", "{\"resetPwdOnLogin\":true}"), 400, "BAD_REQUEST");
    assertError(call("PUT", "/users/" + ann + ":updatepassword", "{\"password\":\"x\",\"resetPwdOnLogin\":\"yes\"}"),
        400, "BAD_REQUEST");
    assertError(call("POST", "/users/" + ann + ":setskipmfa", "{\"timestamp\":\"soon\"}"), 400, "BAD_REQUEST");
    assertError(call("POST", "/users/" + ann + ":updatepassword", "{\"password\":\"x\"}"), 404, "NOT_FOUND");
    assertError(call("POST", "/users/nobody:resetpassword", null), 404, "NOT_FOUND");

    List<ZidPasswordAction> actions = emulator.passwordActions();
    assertEquals(List.of(ZidPasswordAction.Kind.UPDATE_PASSWORD, ZidPasswordAction.Kind.RESET_PASSWORD,
        ZidPasswordAction.Kind.SET_SKIP_MFA), actions.stream().map(ZidPasswordAction::kind).toList());
    assertTrue(actions.stream().allMatch(action -> action.userId().equals(ann)));
    assertTrue(actions.get(0).body().get("resetPwdOnLogin").asBoolean());
  }

  @Test
  void aBurstBeyondTheRateLimitGets429WithRateLimitHeaders() throws Exception {
    restart(ZidSettings.of("client-1", "secret-1").withRateLimit(5, Duration.ofSeconds(60)));
    List<Reply> burst = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      burst.add(call("GET", "/users", null));
    }
    for (int i = 0; i < 5; i++) {
      assertEquals(200, burst.get(i).status());
      assertEquals("5, 5;w=60", burst.get(i).header("x-ratelimit-limit"));
      assertEquals(Integer.toString(4 - i), burst.get(i).header("x-ratelimit-remaining"));
    }
    for (Reply limited : burst.subList(5, 8)) {
      assertError(limited, 429, "RATE_LIMIT_EXCEEDED");
      assertEquals("0", limited.header("x-ratelimit-remaining"));
      int retryAfter = Integer.parseInt(limited.header("Retry-After"));
      assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
      assertEquals(limited.header("Retry-After"), limited.header("x-ratelimit-reset"));
    }
    assertEquals(200, requestToken(CREDENTIALS, null).status(), "the token endpoint is not the admin API");

    restart(ZidSettings.of("client-1", "secret-1").withRateLimit(2, Duration.ofSeconds(1)));
    call("GET", "/users", null);
    call("GET", "/users", null);
    Reply limited = call("GET", "/users", null);
    assertEquals(429, limited.status());
    Thread.sleep(Long.parseLong(limited.header("Retry-After")) * 1000);
    assertEquals(200, call("GET", "/users", null).status(), "a new window after Retry-After");
  }

  @Test
  void injectedFaultsAnswerInZIdentityShape() throws Exception {
    emulator.faults().rateLimitNext(1, 7);
    Reply limited = call("GET", "/users", null);
    assertError(limited, 429, "RATE_LIMIT_EXCEEDED");
    assertEquals("7", limited.header("Retry-After"));
    assertEquals("7", limited.header("x-ratelimit-reset"));

    emulator.faults().failNext(1);
    Reply failed = call("GET", "/users", null);
    assertError(failed, 500, "INTERNAL_SERVER_ERROR");
    assertEquals(failed.header("x-correlation-id"), failed.body().get("correlationId").asText());

    emulator.blockAccessNext(1);
    Reply blocked = call("GET", "/users", null);
    assertEquals(401, blocked.status());
    assertTrue(blocked.raw().body().contains("Resource Access Blocked"));
    assertEquals(200, call("GET", "/users", null).status());

    emulator.faults().failNext(1);
    assertEquals(500, requestToken(CREDENTIALS, null).status(), "faults reach the token endpoint too");
  }

  @Test
  void contentNegotiationAndBodySize() throws Exception {
    Reply html = send(HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/users"))
        .header("Authorization", "Bearer " + token).header("Accept", "text/html"));
    assertError(html, 406, "NOT_ACCEPTABLE");
    String huge = "{\"loginName\":\"big@x.io\",\"title\":\"" + "x".repeat(ZidRequest.MAX_BODY_BYTES) + "\"}";
    assertError(call("POST", "/users", huge), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void concurrentCreatesAreAllKept() throws Exception {
    List<String> ids = createUsers(80, i -> "user" + i + "@x.io", i -> "User " + i);
    assertEquals(80, new HashSet<>(ids).size());
    assertEquals(80, call("GET", "/users", null).body().get("results_total").asInt());
  }
}
