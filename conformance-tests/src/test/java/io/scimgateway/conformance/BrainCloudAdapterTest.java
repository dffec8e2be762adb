package io.scimgateway.conformance;

import static io.scimgateway.conformance.PasswordExtensionTest.withPassword;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.object;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brainCloud adapter over its emulator, beyond the conformance suite: packets and sessions (a lost answer resent
 * and applied once, an expired session renewed unnoticed, rate limits retried, also on one message of a bundle),
 * packet counts, and what brainCloud cannot do with Email users (passwords after creation) refused before anything
 * is written.
 */
@Tag("platform")
class BrainCloudAdapterTest {

  private static final String CREATE_EMAIL = "user/SYS_CREATE_USER_EMAIL_PASSWORD";
  private static final String EXPORT = "user/SYS_GET_USER_EXPORT";
  private static final String ADD_MEMBER = "group/SYS_ADD_GROUP_MEMBER";

  @TempDir
  static Path data;
  private static BrainCloudGateway bc;

  @BeforeAll
  static void start() throws Exception {
    bc = BrainCloudGateway.start(data, section -> section.put("identityType", "Email"));
  }

  @AfterAll
  static void stop() {
    bc.close();
  }

  static String create(BrainCloudGateway bc, String userName) {
    ScimResponse created = bc.scim.post("/Users", minimalUser(userName).put("password", "a-long-passphrase"));
    assertStatus(201, created);
    return created.text("id");
  }

  @Test
  void aCreateWhoseAnswerIsLostIsResentWithTheSamePacketIdAndAppliedOnce() {
    long creates = bc.count(CREATE_EMAIL);
    bc.emulator.faults().applyThenDropNext(1);
    int packets = bc.packetsOf(() -> create(bc, "lost.answer@example.com"));
    assertEquals(creates + 1, bc.count(CREATE_EMAIL), "brainCloud answered the resend from its kept answer");
    assertEquals(3, packets, "the create, its resend, and the read of the new user");
    ScimResponse found = bc.scim.get("/Users" + filter("userName eq \"lost.answer@example.com\""));
    assertEquals(1, found.json().path("totalResults").asInt(), found::toString);
  }

  @Test
  void anExpiredSessionIsRenewedWithoutTheClientNoticing() {
    String id = create(bc, "expired.session@example.com");
    int sessions = bc.emulator.authentications();
    bc.emulator.expireSessions();
    assertStatus(200, bc.scim.get("/Users/" + id));
    assertTrue(bc.emulator.authentications() > sessions, "a new session was opened");
  }

  @Test
  void aRateLimitedPacketIsSentAgainLater() {
    String id = create(bc, "rate.limited@example.com");
    bc.emulator.rateLimitNextPackets(2);
    assertStatus(200, bc.scim.get("/Users/" + id));
  }

  @Test
  void aRateLimitOnOneMessageOfABundleSendsJustThatMessageAgain() {
    for (int i = 0; i < 3; i++) {
      create(bc, "bundle" + i + "@example.com");
    }
    long exports = bc.count(EXPORT);
    bc.emulator.rateLimitNextMessages("SYS_GET_USER_EXPORT", 1);
    int packets = bc.packetsOf(() -> assertEquals(3, bc.scim.get("/Users?count=3").json().path("Resources").size()));
    assertEquals(3, packets, "the page, its exports, and the one refused export again");
    assertEquals(exports + 3, bc.count(EXPORT), "each export done once");
  }

  @Test
  void aRateLimitedMemberAddInsideABundleIsAppliedOnce() {
    String[] members = {create(bc, "member.a@example.com"), create(bc, "member.b@example.com"),
        create(bc, "member.c@example.com")};
    long adds = bc.count(ADD_MEMBER);
    bc.emulator.rateLimitNextMessages("SYS_ADD_GROUP_MEMBER", 1);
    ScimResponse created = bc.scim.post("/Groups", ScimJson.group("Bundled", members));
    assertStatus(201, created);
    assertEquals(3, created.json().path("members").size(), created::toString);
    assertEquals(adds + 3, bc.count(ADD_MEMBER), "three members, each added once");
  }

  @Test
  void idleSessionsGetHeartbeats(@TempDir Path own) throws Exception {
    try (BrainCloudGateway quiet = BrainCloudGateway.start(own, section -> section.put("heartbeatSeconds", 1))) {
      assertStatus(200, quiet.scim.get("/Users")); // opens a session
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (quiet.count("heartbeat/HEARTBEAT") == 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(quiet.count("heartbeat/HEARTBEAT") > 0, "a heartbeat within 10 s of idling");
    }
  }

  @Test
  void schemasShowTheEmailUsersPasswordAsImmutable() {
    JsonNode user = bc.scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json();
    for (JsonNode attribute : user.path("attributes")) {
      if (attribute.path("name").asText().equals("password")) {
        assertEquals("immutable", attribute.path("mutability").asText());
        return;
      }
    }
    throw new AssertionError("no password attribute in " + user);
  }

  @Test
  void aUserNameLookupIsOnePacketFoundOrNot() {
    create(bc, "looked.up@example.com");
    assertEquals(1, bc.packetsOf(() -> assertEquals(1, bc.scim.get("/Users"
        + filter("userName eq \"LOOKED.UP@example.com\"")).json().path("totalResults").asInt())));
    assertEquals(1, bc.packetsOf(() -> assertEquals(0, bc.scim.get("/Users"
        + filter("userName eq \"nobody@example.com\"")).json().path("totalResults").asInt())));
  }

  @Test
  void aPageOfUsersIsTwoPacketsWhateverItsSize() {
    for (int i = 0; i < 4; i++) {
      create(bc, "paged" + i + "@example.com");
    }
    List<String> operations = bc.operationsOf(() -> assertEquals(4, bc.scim.get("/Users?count=4")
        .json().path("Resources").size()));
    assertEquals("user/SYS_GET_PAGE", operations.get(0));
    assertEquals(List.of("user/SYS_GET_USER_EXPORT"), operations.subList(1, operations.size()).stream()
        .distinct().toList(), operations::toString);
    assertEquals(2, bc.packetsOf(() -> bc.scim.get("/Users?count=4")));
  }

  @Test
  void anEmailUsersPasswordIsRefusedAfterCreationBeforeAnythingIsWritten() {
    String id = create(bc, "no.password@example.com");
    ObjectNode replacement = minimalUser("no.password@example.com").put("displayName", "Changed")
        .put("password", "another-long-passphrase");
    List<String> operations = bc.operationsOf(() -> assertScimError(bc.scim.put("/Users/" + id, replacement), 400,
        "mutability"));
    assertTrue(operations.stream().allMatch(op -> op.contains("GET_USER")), operations::toString);
    assertTrue(bc.scim.get("/Users/" + id).json().path("displayName").isMissingNode(), "nothing was written");
  }

  @Test
  void aPasswordOutsideThePolicyIs400WithThePolicyInWords() {
    ScimResponse refused = bc.scim.post("/Users", minimalUser("weak@example.com").put("password", "abc"));
    assertScimError(refused, 400, "invalidValue");
    assertTrue(refused.json().path("detail").asText().contains("password policy"), refused::toString);
  }

  @Test
  void anEmailUserNameChangesThroughTheEmailIdentity() {
    String id = create(bc, "old.login@example.com");
    ObjectNode renamed = minimalUser("new.login@example.com");
    renamed.putArray("emails").addObject().put("value", "new.login@example.com").put("primary", true);
    List<String> operations = bc.operationsOf(() -> assertStatus(200, bc.scim.put("/Users/" + id, renamed)));
    assertTrue(operations.contains("identity/SYS_CHANGE_EMAIL_IDENTITY"), operations::toString);
    JsonNode found = bc.scim.get("/Users" + filter("userName eq \"new.login@example.com\"")).json();
    assertEquals(id, found.path("Resources").path(0).path("id").asText(), found::toString);
    assertEquals("new.login@example.com", found.path("Resources").path(0).path("emails").path(0).path("value")
        .asText(), "the contact email followed the login");
    assertEquals(0, bc.scim.get("/Users" + filter("userName eq \"old.login@example.com\"")).json()
        .path("totalResults").asInt());
  }

  @Test
  void deactivationIsKeptLocallyAndEndsTheUsersSessionsOnce() {
    String id = create(bc, "leaver@example.com");
    for (int i = 0; i < 2; i++) {
      ScimResponse patched = bc.scim.patch("/Users/" + id, patch(op("replace", "active", ScimJson.parse("false"))));
      assertStatus(200, patched);
      assertEquals(false, patched.json().path("active").asBoolean(true));
    }
    long invalidations = bc.emulator.recorded().stream().filter(call -> call.path("profileId").asText().equals(id)
        && call.path("operation").asText().equals("SYS_INVALIDATE_ALL_SESSIONS_FOR_USER")).count();
    assertEquals(1, invalidations);
  }

  @Test
  void aResetSendsBrainCloudsEmailOnceWithExpiryAndTemplate() {
    String id = create(bc, "forgetful@example.com");
    ObjectNode reset = object().put("resetPassword", true).put("resetValidForSeconds", 1800)
        .put("resetTemplate", "scim-reset");
    assertStatus(200, bc.scim.put("/Users/" + id, withPassword(minimalUser("forgetful@example.com"), reset)));
    List<ObjectNode> resets = bc.emulator.recorded().stream()
        .filter(call -> call.path("profileId").asText().equals(id)).toList();
    assertEquals(1, resets.size(), resets::toString);
    assertEquals("SYS_SEND_PASSWORD_RESET_EMAIL_ADVANCED_WITH_EXPIRY", resets.get(0).path("operation").asText());
    assertEquals(30, resets.get(0).path("tokenTtlInMinutes").asInt());
    assertEquals("scim-reset", resets.get(0).path("serviceParams").path("templateId").asText());
  }
}
