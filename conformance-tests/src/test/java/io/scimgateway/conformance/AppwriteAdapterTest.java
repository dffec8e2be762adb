package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.memberValues;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Appwrite adapter against the Appwrite emulator, for what the shared conformance classes do not
 * see: what reaches Appwrite (per-field calls, labels, prefs), writes under injected faults applied
 * exactly once, password resets and imported hashes, and local state surviving a restart.
 */
@Tag("platform")
class AppwriteAdapterTest {

  @TempDir
  Path data;

  private AppwriteEmulator appwrite;
  private TestGateway gateway;
  private ScimSession scim;

  @BeforeEach
  void start() throws IOException {
    appwrite = new AppwriteEmulator("adapter-test", "adapter-test-key").start();
    gateway = startGateway();
    scim = ScimSession.of(gateway);
  }

  private TestGateway startGateway() throws IOException {
    return TestGateway.start(TestGateway.config(data)
        .withBackend(AppwritePlatform.section(appwrite, data)), TestGateway.TOKEN);
  }

  @AfterEach
  void stop() {
    try {
      scim.assertNoServerErrors();
    } finally {
      gateway.close();
      appwrite.close();
    }
  }

  private String createUser(String userName) {
    ScimResponse created = scim.post("/Users", minimalUser(userName).put("displayName", "Test User"));
    assertStatus(201, created);
    return created.text("id");
  }

  private List<ObjectNode> usersWithEmail(String email) {
    return appwrite.storedUsers().stream().filter(u -> u.path("email").asText().equals(email)).toList();
  }

  private List<String> writesReceived() {
    return appwrite.received().stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  @Test
  void aUserIsHeldByAppwriteAndLocalStateTogether() {
    ObjectNode user = minimalUser("Ada.Lovelace@example.com").put("displayName", "Ada Lovelace")
        .put("externalId", "hr-1815").put("locale", "en-GB").put("active", false);
    user.putObject("name").put("givenName", "Ada").put("familyName", "Lovelace");
    user.putArray("entitlements").addObject().put("value", "analyticsEngine").put("display", "Engine");
    ScimResponse created = scim.post("/Users", user);
    assertStatus(201, created);

    ObjectNode stored = appwrite.storedUser(created.text("id"));
    assertEquals("ada.lovelace@example.com", stored.path("email").asText());
    assertEquals("Ada Lovelace", stored.path("name").asText());
    assertFalse(stored.path("status").asBoolean());
    assertEquals("[\"analyticsEngine\"]", stored.path("labels").toString());
    assertEquals("en-GB", stored.path("prefs").path("locale").asText());

    JsonNode read = scim.get("/Users/" + created.text("id")).json();
    assertEquals("Ada.Lovelace@example.com", read.path("userName").asText(), "the client's spelling");
    assertEquals("hr-1815", read.path("externalId").asText());
    assertEquals("Lovelace", read.path("name").path("familyName").asText());
    assertEquals("Engine", read.path("entitlements").get(0).path("display").asText());
    assertFalse(read.path("active").asBoolean());
  }

  @Test
  void aPatchCallsOnlyTheFieldsThatChanged() {
    String id = createUser("grace@example.com");
    int before = writesReceived().size();
    assertStatus(200, scim.patch("/Users/" + id,
        patch(op("replace", "displayName", TextNode.valueOf("Grace Hopper")))));
    List<String> writes = writesReceived().subList(before, writesReceived().size());
    assertEquals(List.of("PATCH /v1/users/" + id + "/name"), writes);
  }

  @Test
  void prefsKeepWhatAnApplicationStoredThere() throws Exception {
    String id = createUser("linus@example.com");
    callAppwrite("PATCH", "/users/" + id + "/prefs", "{\"prefs\": {\"theme\": \"dark\"}}");
    assertStatus(200, scim.patch("/Users/" + id, patch(op("replace", "locale", TextNode.valueOf("fi-FI")))));
    JsonNode prefs = appwrite.storedUser(id).path("prefs");
    assertEquals("dark", prefs.path("theme").asText(), prefs.toString());
    assertEquals("fi-FI", prefs.path("locale").asText(), prefs.toString());
    assertEquals("fi-FI", scim.get("/Users/" + id).json().path("locale").asText());
  }

  @Test
  void changesMadeInAppwriteItselfShowAndMoveTheVersion() throws Exception {
    String id = createUser("margaret@example.com");
    String version = scim.get("/Users/" + id).json().path("meta").path("version").asText();
    callAppwrite("PATCH", "/users/" + id + "/name", "{\"name\": \"Margaret Hamilton\"}");
    callAppwrite("PATCH", "/users/" + id + "/status", "{\"status\": false}");
    JsonNode read = scim.get("/Users/" + id).json();
    assertEquals("Margaret Hamilton", read.path("displayName").asText());
    assertFalse(read.path("active").asBoolean(true));
    assertFalse(version.equals(read.path("meta").path("version").asText()));
  }

  /** A call straight to Appwrite, as an application beside the gateway would make it. */
  private void callAppwrite(String method, String path, String body) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(appwrite.baseUri() + path))
        .header("X-Appwrite-Project", appwrite.projectId()).header("X-Appwrite-Key", appwrite.apiKey())
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
  }

  @Test
  void concurrentPatchesOfDifferentAttributesAllLand() throws Exception {
    String id = createUser("concurrent@example.com");
    Map<String, String> values = Map.of("nickName", "Conny", "title", "Engineer", "userType",
        "Employee", "profileUrl", "https://example.com/conny", "locale", "de-DE", "timezone",
        "Europe/Berlin");
    ExecutorService clients = Executors.newFixedThreadPool(values.size());
    try {
      List<Future<ScimResponse>> patches = new ArrayList<>();
      values.forEach((attribute, value) -> patches.add(clients.submit(() -> scim.patch(
          "/Users/" + id, patch(op("replace", attribute, TextNode.valueOf(value)))))));
      for (Future<ScimResponse> answer : patches) {
        assertStatus(200, answer.get());
      }
    } finally {
      clients.shutdownNow();
    }
    JsonNode read = scim.get("/Users/" + id).json();
    values.forEach((attribute, value) -> assertEquals(value, read.path(attribute).asText(),
        attribute + " in " + read));
  }

  @Test
  void labelsFollowAppwritesRules() {
    ObjectNode user = minimalUser("labels@example.com");
    user.putArray("entitlements").addObject().put("value", "not a label!");
    ScimResponse refused = scim.post("/Users", user);
    assertScimError(refused, 400, "invalidValue");
    assertTrue(refused.json().path("detail").asText().contains("letters and digits"));
    assertTrue(usersWithEmail("labels@example.com").isEmpty(), "nothing half-written");
  }

  @Test
  void externalIdIsAnsweredFromLocalStateWithOneListCall() {
    ObjectNode user = minimalUser("ext@example.com").put("externalId", "E-42");
    String id = scim.post("/Users", user).text("id");
    createUser("other@example.com");
    int before = appwrite.received().size();
    ScimResponse found = scim.get("/Users?filter=" + q("externalId eq \"E-42\""));
    assertEquals(1, found.json().path("totalResults").asInt());
    assertEquals(id, found.json().path("Resources").get(0).path("id").asText());
    List<String> calls = appwrite.received().subList(before, appwrite.received().size());
    assertEquals(1, calls.stream().filter(c -> c.startsWith("GET /v1/users?")).count(), calls.toString());
    assertTrue(calls.get(0).contains("\"attribute\":\"$id\""), calls.get(0));
  }

  @Test
  void createsUnderInjected429And500AreAppliedExactlyOnce() {
    appwrite.faults().rateLimitNext(1, 0).failNext(1);
    createUser("retried@example.com");
    appwrite.faults().applyThenFailNext(1);
    createUser("lost-answer@example.com");
    appwrite.faults().applyThenDropNext(1);
    createUser("dropped-answer@example.com");
    for (String email : List.of("retried@example.com", "lost-answer@example.com",
        "dropped-answer@example.com")) {
      assertEquals(1, usersWithEmail(email).size(), email);
    }
  }

  @Test
  void updatesAndDeletesUnderLostAnswersAreAppliedOnce() {
    String id = createUser("update@example.com");
    appwrite.faults().applyThenFailNext(1);
    assertStatus(200, scim.patch("/Users/" + id,
        patch(op("replace", "displayName", TextNode.valueOf("Once")))));
    assertEquals("Once", appwrite.storedUser(id).path("name").asText());

    String groupId = scim.post("/Groups", group("Team")).text("id");
    appwrite.faults().applyThenDropNext(1);
    assertStatus(204, scim.patch("/Groups/" + groupId, patch(op("add", "members", memberValues(id)))));
    assertEquals(1, appwrite.storedMemberships().size());

    appwrite.faults().applyThenFailNext(1);
    assertStatus(204, scim.delete("/Users/" + id));
    assertEquals(null, appwrite.storedUser(id));
    assertStatus(404, scim.get("/Users/" + id));
  }

  @Test
  void aWriteThatKeepsFailingIsReportedAndLeavesNothing() {
    ScimSession failing = ScimSession.of(gateway); // its 5xx answers are the point of this test
    appwrite.faults().failNext(20);
    assertScimError(failing.post("/Users", minimalUser("never@example.com")), 502);
    assertTrue(usersWithEmail("never@example.com").isEmpty());
    appwrite.faults().clear();
    appwrite.faults().rateLimitNext(20, 0);
    assertScimError(failing.post("/Users", minimalUser("limited@example.com")), 503);
    appwrite.faults().clear();
    assertTrue(usersWithEmail("limited@example.com").isEmpty());
  }

  @Test
  void aPasswordResetIssuesOneLoginTokenDeliveredToTheSink() {
    String id = createUser("reset@example.com");
    try (ResetLog resets = ResetLog.open()) {
      ObjectNode reset = ScimJson.object();
      reset.putArray("schemas").add(ScimJson.PATCH_OP);
      reset.putArray("Operations").addObject().put("op", "replace")
          .set("value", ScimJson.object().set(PasswordExtensionTest.PASSWORD,
              ScimJson.object().put("resetPassword", true).put("resetValidForSeconds", 600)));
      ScimResponse answered = scim.patch("/Users/" + id, reset);
      assertStatus(200, answered);
      assertFalse(answered.raw().body().contains("resetPassword"));
      assertEquals(1, appwrite.issuedTokens().size());
      assertEquals(1, resets.deliveries().size());
      assertEquals(appwrite.issuedTokens().get(0).path("secret").asText(), resets.last().token());
    }
  }

  @Test
  void mustChangePasswordIsRefusedAsAppwriteHasNoSuchSetting() {
    ObjectNode user = minimalUser("must@example.com");
    user.putArray("schemas").add(ScimJson.USER).add(PasswordExtensionTest.PASSWORD);
    user.putObject(PasswordExtensionTest.PASSWORD).put("mustChangePassword", true);
    assertScimError(scim.post("/Users", user), 400, "invalidValue");
  }

  @Test
  void anImportedHashReachesAppwritesHashCall() {
    ObjectNode user = minimalUser("migrated@example.com");
    user.putArray("schemas").add(ScimJson.USER).add(PasswordExtensionTest.PASSWORD);
    user.putObject(PasswordExtensionTest.PASSWORD).putObject("passwordHash")
        .put("algorithm", "bcrypt").put("hash", "$2a$10$abcdefghijklmnopqrstuv");
    ScimResponse created = scim.post("/Users", user);
    assertStatus(201, created);
    ObjectNode stored = appwrite.storedUser(created.text("id"));
    assertEquals("bcrypt", stored.path("hash").asText());
    assertEquals("$2a$10$abcdefghijklmnopqrstuv", stored.path("password").asText());
    assertFalse(created.raw().body().contains("passwordHash"));
  }

  @Test
  void localStateSurvivesARestart() throws IOException {
    ObjectNode user = minimalUser("kept@example.com").put("externalId", "K-1");
    user.putObject("name").put("givenName", "Kept");
    String id = scim.post("/Users", user).text("id");
    gateway.close();
    gateway = startGateway();
    scim = ScimSession.of(gateway);
    JsonNode read = scim.get("/Users/" + id).json();
    assertEquals("K-1", read.path("externalId").asText());
    assertEquals("Kept", read.path("name").path("givenName").asText());
  }
}
