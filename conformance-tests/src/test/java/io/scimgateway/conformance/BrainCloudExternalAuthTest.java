package io.scimgateway.conformance;

import static io.scimgateway.conformance.PasswordExtensionTest.withPassword;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.braincloud.BcSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code identityType: External}: users are created with {@code SYS_CREATE_USER_EXTERNAL_AUTH} and the configured
 * {@code externalAuthType}; their userName is the external identity's externalId, read from the export; what
 * brainCloud cannot do for them (a password, set or reset; a new external id) is refused before anything is
 * written.
 */
@Tag("platform")
class BrainCloudExternalAuthTest {

  private static final String CREATE = "user/SYS_CREATE_USER_EXTERNAL_AUTH";

  @TempDir
  static Path data;
  private static BrainCloudGateway bc;

  @BeforeAll
  static void start() throws Exception {
    bc = BrainCloudGateway.start(data, section -> section.put("identityType", "External")
        .put("externalAuthType", BcSettings.EXTERNAL_AUTH_TYPE));
  }

  @AfterAll
  static void stop() {
    bc.close();
  }

  private static String create(String userName) {
    ObjectNode user = minimalUser(userName).put("displayName", "Bats");
    user.putArray("emails").addObject().put("value", userName + "@example.com").put("primary", true);
    ScimResponse created = bc.scim.post("/Users", user);
    assertStatus(201, created);
    return created.text("id");
  }

  @Test
  void aCreateIsAnExternalAuthUserWithTheConfiguredType() {
    int before = bc.emulator.messages().size();
    String id = create("bruce1970");
    List<ObjectNode> messages = bc.emulator.messages();
    ObjectNode sent = messages.subList(before, messages.size()).stream()
        .filter(message -> message.path("operation").asText().equals("SYS_CREATE_USER_EXTERNAL_AUTH"))
        .findFirst().orElseThrow();
    assertEquals(BcSettings.EXTERNAL_AUTH_TYPE, sent.at("/data/externalAuthType").asText());
    assertEquals("bruce1970@example.com", sent.at("/data/contactEmail").asText());
    assertTrue(sent.path("data").path("password").isMissingNode(), "no password goes to brainCloud");
    assertEquals(1, bc.packetsOf(() -> assertEquals(id, bc.scim.get("/Users"
        + filter("userName eq \"BRUCE1970\"")).json().path("Resources").path(0).path("id").asText())));
  }

  @Test
  void theUserNameOfAUserMadeElsewhereIsItsExternalIdFromTheExport() {
    String id = bc.emulator.createExternalUser("made.in.portal", "Portal", "portal@example.com");
    JsonNode user = bc.scim.get("/Users/" + id).json();
    assertEquals("made.in.portal", user.path("userName").asText(), user::toString);
    assertEquals("Portal", user.path("displayName").asText(), user::toString);
  }

  @Test
  void aPasswordIsRefusedOnCreateAndReplaceBeforeAnythingIsWritten() {
    long creates = bc.count(CREATE);
    int users = bc.emulator.userCount();
    assertScimError(bc.scim.post("/Users", minimalUser("with.password").put("password", "a-long-passphrase")),
        400, "mutability");
    assertEquals(creates, bc.count(CREATE));
    assertEquals(users, bc.emulator.userCount());

    String id = create("later.password");
    ObjectNode replacement = minimalUser("later.password").put("displayName", "Changed")
        .put("password", "a-long-passphrase");
    List<String> operations = bc.operationsOf(() -> assertScimError(bc.scim.put("/Users/" + id, replacement), 400,
        "mutability"));
    assertTrue(operations.stream().allMatch(op -> op.contains("GET_USER")), operations::toString);
    assertEquals("Bats", bc.scim.get("/Users/" + id).json().path("displayName").asText(), "nothing was written");
  }

  @Test
  void aResetIsRefusedWithTheReasonBeforeTheWrite() {
    String id = create("no.reset");
    ObjectNode reset = object().put("resetPassword", true);
    ScimResponse refused = bc.scim.put("/Users/" + id, withPassword(minimalUser("no.reset")
        .put("displayName", "Changed"), reset));
    assertScimError(refused, 400, "invalidValue");
    assertTrue(refused.json().path("detail").asText().contains("external identity provider"), refused::toString);
    assertEquals("Bats", bc.scim.get("/Users/" + id).json().path("displayName").asText(), "nothing was written");
    assertTrue(bc.emulator.recorded().stream().noneMatch(call -> call.path("profileId").asText().equals(id)),
        "no reset email");
  }

  @Test
  void theExternalIdCannotChange() {
    String id = create("fixed.id");
    assertScimError(bc.scim.put("/Users/" + id, minimalUser("other.id")), 400, "mutability");
    assertEquals("fixed.id", bc.scim.get("/Users/" + id).json().path("userName").asText());
  }

  @Test
  void schemasShowTheUserNameImmutableAndThePasswordReadOnly() {
    JsonNode user = bc.scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json();
    for (JsonNode attribute : user.path("attributes")) {
      switch (attribute.path("name").asText()) {
        case "userName" -> assertEquals("immutable", attribute.path("mutability").asText());
        case "password" -> assertEquals("readOnly", attribute.path("mutability").asText());
        default -> { }
      }
    }
  }

  @Test
  void externalWithoutAnAuthTypeDoesNotStart(@TempDir Path own) {
    RuntimeException refused = assertThrows(RuntimeException.class, () -> BrainCloudGateway.start(own,
        section -> section.put("identityType", "External")).close());
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append('\n');
    }
    assertTrue(messages.toString().contains("backend.externalAuthType"), messages::toString);
  }
}
