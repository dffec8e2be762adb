package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.q;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appwrite takes any userName (RFC 7643 section 4.1.1): an email address is Appwrite's email, any
 * other lives in local state, unique without regard to case, and Appwrite's email is then the
 * primary email or none.
 */
@Tag("platform")
class AppwriteUserNameTest {

  @TempDir
  Path data;

  private AppwriteGateway gateway;
  private AppwriteEmulator appwrite;
  private ScimSession scim;

  @BeforeEach
  void start() throws IOException {
    gateway = AppwriteGateway.start(data);
    appwrite = gateway.emulator;
    scim = gateway.scim;
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private static ObjectNode withEmail(ObjectNode user, String email) {
    user.putArray("emails").addObject().put("value", email).put("type", "work").put("primary", true);
    return user;
  }

  private String create(ObjectNode user) {
    ScimResponse created = scim.post("/Users", user);
    assertStatus(201, created);
    return created.text("id");
  }

  private JsonNode lookUp(String userName) {
    return scim.get("/Users?filter=" + q("userName eq \"" + userName + "\"")).json();
  }

  @Test
  void aUserNameThatIsNoEmailAddressIsKeptAndAppwriteGetsThePrimaryEmail() {
    String id = create(withEmail(minimalUser("jdoe"), "John.Doe@example.com"));
    assertEquals("john.doe@example.com", appwrite.storedUser(id).path("email").asText());
    assertEquals("jdoe", scim.get("/Users/" + id).json().path("userName").asText());

    String employee = create(minimalUser("701984"));
    assertEquals("", appwrite.storedUser(employee).path("email").asText(), "no email at all");
    assertEquals("701984", scim.get("/Users/" + employee).json().path("userName").asText());
  }

  @Test
  void aLookupByUserNameIsOneListCallWhateverTheCase() {
    String id = create(withEmail(minimalUser("CORP-jdoe"), "jdoe@example.com"));
    create(minimalUser("someone.else"));
    int before = appwrite.received().size();
    JsonNode found = lookUp("corp-JDOE");
    List<String> calls = appwrite.received().subList(before, appwrite.received().size());
    // One list call finds the user; its groups (memberships) are returned on request only.
    assertEquals(1, calls.stream().filter(call -> call.startsWith("GET /v1/users?")).count(),
        calls::toString);
    assertEquals(1, calls.size(), calls::toString);
    assertEquals(1, found.path("totalResults").asInt(), found::toString);
    assertEquals(id, found.path("Resources").get(0).path("id").asText());
    assertEquals(0, lookUp("jdoe@example.com").path("totalResults").asInt(),
        "an email that is not the user's userName finds nothing");
  }

  @Test
  void userNamesAreUniqueWithoutRegardToCase() {
    create(minimalUser("jdoe"));
    assertScimError(scim.post("/Users", minimalUser("JDoe")), 409, "uniqueness");
    assertEquals(1, appwrite.storedUsers().size(), "nothing was written to Appwrite");

    String other = create(minimalUser("ann"));
    assertScimError(scim.patch("/Users/" + other,
        patch(op("replace", "userName", TextNode.valueOf("JDOE")))), 409, "uniqueness");
    assertEquals("ann", scim.get("/Users/" + other).json().path("userName").asText());
  }

  @Test
  void aUserNameMayChangeBetweenAnEmailAddressAndAnythingElse() {
    String id = create(withEmail(minimalUser("jdoe@example.com"), "jdoe@example.com"));
    assertStatus(200, scim.patch("/Users/" + id,
        patch(op("replace", "userName", TextNode.valueOf("jdoe")))));
    assertEquals("jdoe", scim.get("/Users/" + id).json().path("userName").asText());
    assertEquals(1, lookUp("JDoe").path("totalResults").asInt());
    assertEquals(0, lookUp("jdoe@example.com").path("totalResults").asInt());

    assertStatus(200, scim.patch("/Users/" + id,
        patch(op("replace", "userName", TextNode.valueOf("john.doe@example.org")))));
    assertEquals("john.doe@example.org", appwrite.storedUser(id).path("email").asText());
    assertEquals(1, lookUp("John.Doe@example.org").path("totalResults").asInt());
    assertEquals(0, lookUp("jdoe").path("totalResults").asInt());
  }
}
