package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.contains;
import static io.scimgateway.conformance.ScimAssertions.resources;
import static io.scimgateway.conformance.ScimJson.USER;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.object;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's password extension on the embedded store: its attributes act once per request that
 * sets them (POST, PUT, PATCH, Bulk), are never stored or returned, and are refused, before anything is
 * written, where the store lacks the feature. Resets are counted at the default (log) reset sink.
 */
class PasswordExtensionTest {

  static final String PASSWORD = "urn:scimgateway:params:scim:schemas:extension:password:1.0:User";

  @TempDir
  Path data;

  private ResetLog resets;

  @BeforeEach
  void captureResets() {
    resets = ResetLog.open();
  }

  @AfterEach
  void release() {
    resets.close();
  }

  @Test
  @Needs({Capability.RESET_TOKENS, Capability.MUST_CHANGE_PASSWORD})
  void extensionAttributesAreNeverReturned() {
    RunningGateway.with(TestGateway.config(data), scim -> {
      ScimResponse created = scim.post("/Users", withPassword(minimalUser("ana@example.com"),
          object().put("resetPassword", true).put("mustChangePassword", true)
              .put("resetValidForSeconds", 600)));
      assertStatus(201, created);
      String id = created.text("id");
      List<ScimResponse> reads = List.of(created, scim.get("/Users/" + id),
          scim.get("/Users/" + id + "?attributes=" + q(PASSWORD + ":resetPassword,"
              + PASSWORD + ":mustChangePassword")),
          scim.get("/Users/" + id + "?attributes=" + q(PASSWORD)),
          scim.get("/Users?filter=" + q("userName eq \"ana@example.com\"") + "&attributes="
              + q(PASSWORD + ":resetValidForSeconds")));
      for (ScimResponse read : reads) {
        assertStatus(read.status() == 201 ? 201 : 200, read);
        JsonNode user = read.json().has("Resources") ? resources(read).get(0) : read.json();
        assertFalse(user.has(PASSWORD), read::toString);
        assertFalse(contains(user.path("schemas"), PASSWORD), read::toString);
        assertFalse(read.body().contains(resets.last().token()), read::toString);
      }
      assertEquals(1, resets.deliveries().size());
    });
  }

  @Test
  @Needs(Capability.RESET_TOKENS)
  void resetsThroughPostPutPatchAndBulkActOnceEach() {
    RunningGateway.with(TestGateway.config(data), scim -> {
      ObjectNode user = minimalUser("ben@example.com");
      String id = scim.post("/Users", withPassword(user, reset())).text("id");
      assertEquals(1, resets.deliveries().size());

      assertStatus(200, scim.put("/Users/" + id, withPassword(user.deepCopy(), reset())));
      assertEquals(2, resets.deliveries().size());
      assertStatus(200, scim.put("/Users/" + id, user.put("displayName", "Ben")));
      assertEquals(2, resets.deliveries().size(), "a PUT without the extension acts on nothing");

      assertStatus(200, scim.patch("/Users/" + id, patch(op("replace",
          PASSWORD + ":resetPassword", BooleanNode.TRUE))));
      assertEquals(3, resets.deliveries().size());
      ObjectNode pathless = object();
      pathless.set(PASSWORD, reset());
      assertStatus(200, scim.patch("/Users/" + id, patch(op("add", null, pathless))));
      assertEquals(4, resets.deliveries().size());

      ObjectNode bulk = ScimJson.bulkRequest();
      ScimJson.operations(bulk).addObject().put("method", "POST").put("bulkId", "c")
          .put("path", "/Users").set("data", withPassword(minimalUser("cleo@example.com"), reset()));
      JsonNode answer = scim.post("/Bulk", bulk).json();
      assertEquals("201", answer.path("Operations").path(0).path("status").asText(), answer::toString);
      assertEquals(5, resets.deliveries().size());
      assertEquals("cleo@example.com", resets.last().userName().replace("\"", ""));
      resets.deliveries().subList(0, 4).forEach(delivery -> assertEquals(id, delivery.userId()));

      // A failing neighbour must not make the reset go out twice (a bulk tried, undone, run again).
      ObjectNode failing = ScimJson.bulkRequest();
      ArrayNode operations = ScimJson.operations(failing);
      operations.addObject().put("method", "POST").put("bulkId", "d").put("path", "/Users")
          .set("data", withPassword(minimalUser("dana@example.com"), reset()));
      operations.addObject().put("method", "POST").put("bulkId", "e").put("path", "/Users")
          .set("data", minimalUser("ben@example.com"));
      answer = scim.post("/Bulk", failing).json();
      assertEquals("201", answer.path("Operations").path(0).path("status").asText(), answer::toString);
      assertEquals("409", answer.path("Operations").path(1).path("status").asText(), answer::toString);
      assertEquals(6, resets.deliveries().size(), "the reset went out once");
      String dana = answer.path("Operations").path(0).path("location").asText();
      assertTrue(dana.endsWith("/Users/" + resets.last().userId()), dana);
    });
  }

  @Test
  @Needs(Capability.RESET_TOKENS)
  void aPatchThatOnlyResetsAnswersTheUserWithItsVersionUnchanged() {
    RunningGateway.with(TestGateway.config(data), scim -> {
      ScimResponse created = scim.post("/Users", minimalUser("dan@example.com"));
      String etag = created.header("ETag").orElseThrow();
      ScimResponse patched = scim.patch("/Users/" + created.text("id"), patch(op("add",
          PASSWORD + ":resetPassword", BooleanNode.TRUE)), "If-Match", etag);
      assertStatus(200, patched);
      assertEquals(etag, patched.header("ETag").orElseThrow());
      assertEquals("dan@example.com", patched.text("userName"));
      assertEquals(1, resets.deliveries().size());
    });
  }

  @Test
  @Needs(Capability.EMBEDDED_STORE)
  void theTokenIsUrlSafeAndOnlyItsHashIsStoredWithTheExpiry() throws Exception {
    RunningGateway.with(TestGateway.config(data), scim -> {
      Instant before = Instant.now();
      String id = scim.post("/Users", withPassword(minimalUser("eli@example.com"),
          reset().put("resetValidForSeconds", 600))).text("id");
      ResetLog.Delivery delivery = resets.last();
      assertEquals(id, delivery.userId());
      assertTrue(delivery.token().matches("[A-Za-z0-9_-]{22,}"), delivery.token());
      assertTrue(Duration.between(before, delivery.expires()).toSeconds() >= 599
          && Duration.between(Instant.now(), delivery.expires()).toSeconds() <= 600,
          delivery.expires().toString());

      StoredPasswords stored = new StoredPasswords(data);
      StoredPasswords.Reset row = stored.reset(id).orElseThrow();
      assertEquals(sha256(delivery.token()), row.tokenSha256());
      assertEquals(delivery.expires(), Instant.parse(row.expires()));
      assertFalse(stored.filesContain(delivery.token()), "the token itself is never stored");
      assertFalse(stored.filesContain(PASSWORD), "nor is the extension, with the user");

      scim.patch("/Users/" + id, patch(op("add", PASSWORD + ":resetPassword", BooleanNode.TRUE)));
      assertEquals(sha256(resets.last().token()), stored.reset(id).orElseThrow().tokenSha256(),
          "a new reset replaces the old token");
      assertEquals(1, stored.resetCount());
      assertStatus(204, scim.delete("/Users/" + id));
      assertEquals(0, stored.resetCount(), "deleting the user removes its token");
    });
  }

  @Test
  @Needs(Capability.EMBEDDED_STORE)
  void mustChangePasswordIsSetAndLiftedWithoutAReset() {
    RunningGateway.with(TestGateway.config(data), scim -> {
      ObjectNode user = minimalUser("fay@example.com").put("password", "initial-password-1234");
      String id = scim.post("/Users", withPassword(user,
          object().put("mustChangePassword", true))).text("id");
      StoredPasswords stored = new StoredPasswords(data);
      assertTrue(stored.mustChangePassword(id));
      assertStatus(200, scim.patch("/Users/" + id, patch(op("replace",
          PASSWORD + ":mustChangePassword", BooleanNode.FALSE))));
      assertFalse(stored.mustChangePassword(id));
      assertTrue(resets.deliveries().isEmpty());
    });
  }

  @Test
  @Needs(Capability.EMBEDDED_STORE)
  void whatTheStoreCannotDoIsRefusedBeforeAnythingIsWritten() {
    RunningGateway.with(TestGateway.config(data), scim -> {
      ScimResponse template = scim.post("/Users", withPassword(minimalUser("gus@example.com"),
          reset().put("resetTemplate", "welcome")));
      assertScimError(template, 400, "invalidValue");
      assertTrue(template.text("detail").contains("template"), template::toString);

      String hash = "$2y$10$abcdefghijklmnopqrstuuSecretHashValueNotForEchoing012";
      ObjectNode imported = object().set("passwordHash",
          object().put("algorithm", "bcrypt").put("hash", hash));
      ScimResponse hashed = scim.post("/Users", withPassword(minimalUser("gus@example.com"),
          imported));
      assertScimError(hashed, 400, "invalidValue");
      assertTrue(hashed.text("detail").contains("password hash"), hashed::toString);
      assertFalse(hashed.body().contains(hash), hashed::toString);

      assertScimError(scim.post("/Users", withPassword(minimalUser("gus@example.com"),
          object().put("resetValidForSeconds", 60))), 400, "invalidValue");
      assertScimError(scim.post("/Users", withPassword(minimalUser("gus@example.com"),
          reset().put("resetValidForSeconds", 0))), 400, "invalidValue");
      assertEquals(0, scim.get("/Users?filter=" + q("userName eq \"gus@example.com\"")).json()
          .path("totalResults").asInt(-1));
      assertTrue(resets.deliveries().isEmpty());
    });
  }

  @Test
  void aResetOfAnUnknownUserIsNotFoundAndDeliversNothing() {
    RunningGateway.with(TestGateway.config(data), scim -> {
      assertScimError(scim.patch("/Users/no-such-user", patch(op("add",
          PASSWORD + ":resetPassword", BooleanNode.TRUE))), 404);
      assertTrue(resets.deliveries().isEmpty());
    });
  }

  @Test
  void mustChangePasswordAloneIsTakenOnlyWhereTheBackendHasIt() {
    RunningGateway.with(TestGateway.config(data), scim -> {
      ScimResponse created = scim.post("/Users", withPassword(minimalUser("hal@example.com"),
          object().put("mustChangePassword", true)));
      if (ConformanceBackend.has(Capability.MUST_CHANGE_PASSWORD)) {
        assertStatus(201, created);
        return;
      }
      assertScimError(created, 400, "invalidValue");
      assertTrue(created.text("detail").contains("mustChangePassword"), created::toString);
      assertEquals(0, scim.get("/Users?filter=" + q("userName eq \"hal@example.com\"")).json()
          .path("totalResults").asInt(-1), "nothing was written");
    });
  }

  static ObjectNode reset() {
    return object().put("resetPassword", true);
  }

  /** {@code user} with the password extension's {@code attributes}, its URN in {@code schemas}. */
  static ObjectNode withPassword(ObjectNode user, ObjectNode attributes) {
    ObjectNode copy = user.deepCopy();
    copy.putArray("schemas").add(USER).add(PASSWORD);
    copy.set(PASSWORD, attributes);
    return copy;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
