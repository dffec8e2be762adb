package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.object;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorFaults;
import io.scimgateway.emulator.zidentity.ZidSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ZIdentity adapter against its emulator: writes applied exactly once whatever answers are lost
 * or limited on the way, the rate limit honoured under a burst, tokens replaced on expiry and on
 * refusal, and a full replace that keeps what SCIM does not map.
 */
@Tag("platform")
class ZidentityAdapterTest {

  private static final String POST_USERS = "POST /admin/api/v1/users";
  private static final String POST_GROUPS = "POST /admin/api/v1/groups";

  @TempDir
  Path data;

  @Test
  void aCreateIsAppliedOnceWhateverHappensToItsAnswer() throws Exception {
    List<Consumer<EmulatorFaults>> faults = List.of(
        f -> f.rateLimitNext(1, 0), f -> f.failNext(1), f -> f.applyThenFailNext(1),
        f -> f.applyThenDropNext(1));
    try (ZidentityGateway zid = ZidentityGateway.start(data)) {
      assertStatus(200, zid.scim.get("/Users")); // fetches the token, so that creates call alike
      int before = zid.callsBefore(POST_USERS, () -> create(zid, "warm-up@example.com"));
      for (int i = 0; i < faults.size(); i++) {
        String userName = "user" + i + "@example.com";
        zid.emulator.faults().delayNext(before, Duration.ZERO);
        faults.get(i).accept(zid.emulator.faults());
        List<String> calls = zid.callsOf(() -> create(zid, userName));
        assertTrue(calls.get(before).startsWith(POST_USERS), "the fault met the create: " + calls);
        ScimResponse found = zid.scim.get("/Users" + filter("userName eq \"" + userName + "\""));
        assertEquals(1, found.json().path("totalResults").asInt(), found::toString);
      }
    }
  }

  @Test
  void aGroupCreateIsAppliedOnceWhenItsAnswerIsLost() throws Exception {
    try (ZidentityGateway zid = ZidentityGateway.start(data)) {
      assertStatus(200, zid.scim.get("/Groups"));
      int before = zid.callsBefore(POST_GROUPS, () -> assertStatus(201,
          zid.scim.post("/Groups", ScimJson.group("Warm-up"))));
      zid.emulator.faults().delayNext(before, Duration.ZERO).applyThenDropNext(1);
      List<String> calls = zid.callsOf(() -> assertStatus(201, zid.scim.post("/Groups", ScimJson.group("Sales"))));
      assertTrue(calls.get(before).startsWith(POST_GROUPS), "the fault met the create: " + calls);
      ScimResponse found = zid.scim.get("/Groups" + filter("displayName eq \"Sales\""));
      assertEquals(1, found.json().path("totalResults").asInt(), found::toString);
    }
  }

  @Test
  void concurrentRequestsShareOneToken() throws Exception {
    try (ZidentityGateway zid = ZidentityGateway.start(data)) {
      ExecutorService clients = Executors.newFixedThreadPool(20);
      try {
        List<Future<ScimResponse>> reads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          reads.add(clients.submit(() -> zid.scim.get("/Users")));
        }
        for (Future<ScimResponse> read : reads) {
          assertStatus(200, read.get());
        }
      } finally {
        clients.shutdownNow();
      }
      assertEquals(1, zid.emulator.tokensIssued());
    }
  }

  @Test
  void aBurstBeyondTheRateLimitWaitsAndAppliesEveryWriteOnce() throws Exception {
    ZidSettings limited = ZidSettings.of("gateway", "emulator-secret").withRateLimit(10, Duration.ofSeconds(1));
    try (ZidentityGateway zid = ZidentityGateway.start(data, limited,
        section -> section.put("maxRetries", 10).put("maxBackoffMillis", 2000))) {
      ExecutorService clients = Executors.newFixedThreadPool(8);
      long start = System.nanoTime();
      try {
        List<Future<ScimResponse>> creates = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          String userName = "burst" + i + "@example.com";
          creates.add(clients.submit(() -> zid.scim.post("/Users", minimalUser(userName))));
        }
        for (Future<ScimResponse> create : creates) {
          assertStatus(201, create.get());
        }
      } finally {
        clients.shutdownNow();
      }
      long seconds = (System.nanoTime() - start) / 1_000_000_000;
      assertTrue(zid.emulator.received().size() > 20 && seconds >= 1,
          "more calls than one window allows were spread over several windows");
      // A create applied twice would meet ZIdentity's unique loginName: a 409, not the 201s above.
      ScimResponse all = zid.scim.get("/Users" + filter("userName sw \"burst\""));
      assertEquals(16, all.json().path("totalResults").asInt(), all::toString);
    }
  }

  @Test
  void anExpiredTokenIsReplacedBeforeUseAndARefusedOneOnce() throws Exception {
    ZidSettings shortLived = ZidSettings.of("gateway", "emulator-secret").withTokenLifetime(Duration.ofSeconds(2));
    try (ZidentityGateway zid = ZidentityGateway.start(data, shortLived, section -> section)) {
      assertStatus(200, zid.scim.get("/Users"));
      assertEquals(1, zid.emulator.tokensIssued());
      Thread.sleep(2_100);
      assertStatus(200, zid.scim.get("/Users"));
      assertEquals(2, zid.emulator.tokensIssued(), "the expired token was replaced, not sent");
      assertEquals(0, zid.count("GET /admin/api/v1/users") - 2, "no call was refused for its token");

      zid.emulator.blockAccessNext(1);
      assertStatus(200, zid.scim.get("/Users"));
      assertEquals(3, zid.emulator.tokensIssued(), "a refused token is dropped and the call sent again");
    }
  }

  @Test
  void aReplaceKeepsWhatScimDoesNotMapAndAlwaysSendsStatus() throws Exception {
    try (ZidentityGateway zid = ZidentityGateway.start(data)) {
      String id = create(zid, "kept@example.com");
      ZidentityPlatformCalls platform = new ZidentityPlatformCalls(zid.emulator);
      ObjectNode user = platform.getUser(id);
      user.putObject("department").put("id", "d1").put("name", "Sales");
      user.putObject("customAttrsInfo").put("badge", "1234");
      platform.putUser(id, user);

      assertStatus(200, zid.scim.patch("/Users/" + id,
          patch(op("replace", "active", BooleanNode.FALSE), op("replace", "displayName",
              object().textNode("Kept")))));
      ObjectNode after = platform.getUser(id);
      assertEquals("Sales", after.path("department").path("name").asText(), after::toString);
      assertEquals("1234", after.path("customAttrsInfo").path("badge").asText(), after::toString);
      assertFalse(after.path("status").asBoolean(true), "status false was sent: " + after);
      assertEquals("Kept", after.path("displayName").asText());
      assertFalse(zid.scim.get("/Users/" + id).json().path("active").asBoolean(true));
    }
  }

  @Test
  void aCreateAcceptedWithoutABodyIsFoundByItsLoginName() throws Exception {
    ZidSettings accepted = ZidSettings.of("gateway", "emulator-secret")
        .withCreateAnswer(ZidSettings.CreateAnswer.ACCEPTED_EMPTY);
    try (ZidentityGateway zid = ZidentityGateway.start(data, accepted, section -> section)) {
      String id = create(zid, "accepted@example.com");
      assertEquals("accepted@example.com", zid.scim.get("/Users/" + id).text("userName"));
      assertEquals(1, zid.count(POST_USERS));
    }
  }

  @Test
  void aSortZidentityCannotMakeIsMadeByTheGateway() throws Exception {
    try (ZidentityGateway zid = ZidentityGateway.start(data)) {
      for (String name : List.of("carol@example.com", "Alice@example.com", "bob@example.com")) {
        create(zid, name);
      }
      ScimResponse sorted = zid.scim.get("/Users?sortBy=userName&sortOrder=descending");
      assertStatus(200, sorted);
      assertEquals(List.of("carol@example.com", "bob@example.com", "Alice@example.com"),
          sorted.json().path("Resources").findValuesAsText("userName"));
    }
  }

  static String create(ZidentityGateway zid, String userName) {
    ScimResponse created = zid.scim.post("/Users", minimalUser(userName));
    assertStatus(201, created);
    return created.text("id");
  }
}
