package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorFaults;
import io.scimgateway.emulator.spaceone.SpaceoneAction;
import io.scimgateway.emulator.spaceone.SpaceoneSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SpaceONE adapter against its emulator: writes applied exactly once whatever answers are lost or
 * limited, the platform calls each request costs, passwords and required actions acted on once,
 * roles from domain role bindings, refusals before anything is written, and console-api's prefix
 * with python-core's error shape.
 */
@Tag("platform")
class SpaceoneAdapterTest {

  private static final String CREATE = "POST /identity/v1/user/create";
  private static final String PASSWORD = "urn:scimgateway:params:scim:schemas:extension:password:1.0:User";

  @TempDir
  Path data;

  private static String create(SpaceoneGateway spaceone, ObjectNode user) {
    ScimResponse created = spaceone.scim.post("/Users", user);
    assertStatus(201, created);
    return created.text("id");
  }

  private static long count(List<String> calls, String call) {
    return calls.stream().filter(received -> received.equals(call)).count();
  }

  @Test
  void aCreateIsAppliedOnceAndALostOneIsFoundByItsUserId() throws Exception {
    List<Consumer<EmulatorFaults>> faults = List.of(f -> f.rateLimitNext(1, 0), f -> f.failNext(1),
        f -> f.applyThenFailNext(1), f -> f.applyThenDropNext(1));
    List<Long> creates = List.of(2L, 2L, 1L, 1L);
    try (SpaceoneGateway spaceone = SpaceoneGateway.start(data)) {
      List<String> warmUp = spaceone.callsOf(() -> create(spaceone, minimalUser("warm-up@example.com")));
      int before = warmUp.indexOf(CREATE);
      assertEquals(1, before, "one lookup by user_id, then the create: " + warmUp);
      for (int i = 0; i < faults.size(); i++) {
        String userName = "user" + i + "@example.com";
        spaceone.emulator.faults().delayNext(before, Duration.ZERO);
        faults.get(i).accept(spaceone.emulator.faults());
        List<String> calls = spaceone.callsOf(() -> create(spaceone, minimalUser(userName)));
        assertEquals(creates.get(i), count(calls, CREATE), "creates sent: " + calls);
        ScimResponse found = spaceone.scim.get("/Users" + filter("userName eq \"" + userName + "\""));
        assertEquals(1, found.json().path("totalResults").asInt(), found::toString);
      }
    }
  }

  @Test
  void updatesAndMembershipChangesAreRetriedAndAppliedOnce() throws Exception {
    try (SpaceoneGateway spaceone = SpaceoneGateway.start(data)) {
      String id = create(spaceone, minimalUser("ada@example.com"));
      spaceone.emulator.faults().delayNext(1, Duration.ZERO).failNext(1); // the update, after the read
      assertStatus(200, spaceone.scim.patch("/Users/" + id,
          patch(op("replace", "displayName", ScimJson.parse("\"Ada Lovelace\"")))));
      assertEquals("Ada Lovelace", spaceone.emulator.user("ada@example.com").path("name").asText());

      String group = spaceone.scim.post("/Groups", ScimJson.group("Analysts")).text("id");
      List<String> calls = spaceone.callsOf(() -> assertStatus(204, spaceone.scim.patch("/Groups/" + group,
          patch(op("add", "members", ScimJson.parse("[{\"value\":\"" + id + "\"}]"))))));
      int addUsers = calls.indexOf("POST /identity/v2/user-group/add-users");
      spaceone.scim.patch("/Groups/" + group, patch(op("remove", "members[value eq \"" + id + "\"]", null)));
      spaceone.emulator.faults().delayNext(addUsers, Duration.ZERO).applyThenFailNext(1);
      assertStatus(204, spaceone.scim.patch("/Groups/" + group,
          patch(op("add", "members", ScimJson.parse("[{\"value\":\"" + id + "\"}]")))));
      assertEquals(1, spaceone.scim.get("/Groups/" + group).json().path("members").size());
    }
  }

  @Test
  void aUserNameLookupAndReadsCostAFixedNumberOfCalls() throws Exception {
    try (SpaceoneGateway spaceone = SpaceoneGateway.start(data)) {
      String id = create(spaceone, minimalUser("grace@example.com"));
      for (int i = 0; i < 5; i++) {
        create(spaceone, minimalUser("user" + i + "@example.com"));
      }
      List<String> lookup = spaceone.callsOf(() -> assertStatus(200,
          spaceone.scim.get("/Users" + filter("userName eq \"GRACE@example.com\""))));
      assertEquals(List.of("POST /identity/v1/user/list"), lookup,
          "one user call: groups and roles are returned on request");
      List<String> page = spaceone.callsOf(() -> assertStatus(200, spaceone.scim.get("/Users?count=100")));
      assertEquals(1, page.size(), page::toString);
      List<String> named = spaceone.callsOf(() -> assertStatus(200,
          spaceone.scim.get("/Users?count=100&attributes=userName,groups,roles")));
      assertEquals(List.of("POST /identity/v1/user/list", "POST /identity/v2/user-group/list",
          "POST /identity/v1/role-binding/list"), named, "groups and roles of a page in one call each");
      List<String> read = spaceone.callsOf(() -> assertStatus(200,
          spaceone.scim.get("/Users/" + id + "?attributes=groups,roles")));
      assertEquals(List.of("POST /identity/v1/user/get", "POST /identity/v2/user-group/list",
          "POST /identity/v1/role-binding/list"), read);
    }
  }

  @Test
  void refusalsComeBeforeAnythingIsWritten() throws Exception {
    try (SpaceoneGateway spaceone = SpaceoneGateway.start(data)) {
      List<String> calls = spaceone.callsOf(() -> {
        ScimResponse notEmail = spaceone.scim.post("/Users", minimalUser("jdoe"));
        assertStatus(400, notEmail);
        assertTrue(notEmail.text("detail").contains("email form"), notEmail::toString);
        ScimResponse zone = spaceone.scim.post("/Users", minimalUser("tz@example.com").put("timezone", "Mars/Base"));
        assertStatus(400, zone);
        assertEquals("invalidValue", zone.text("scimType"));
      });
      assertEquals(List.of(), calls, "nothing sent");
      String id = create(spaceone, minimalUser("ada@example.com"));
      List<String> rename = spaceone.callsOf(() -> {
        ScimResponse renamed = spaceone.scim.put("/Users/" + id, minimalUser("lovelace@example.com"));
        assertStatus(400, renamed);
        assertEquals("mutability", renamed.text("scimType"));
      });
      assertTrue(rename.stream().noneMatch(call -> call.contains("update")), rename::toString);
      ScimResponse weak = spaceone.scim.patch("/Users/" + id, patch(op("replace", "password",
          ScimJson.parse("\"all-lowercase-words\""))));
      assertStatus(400, weak);
      assertTrue(weak.text("detail").contains("uppercase letter"), weak::toString);
    }
  }

  @Test
  void passwordsResetsAndRequiredActionsAreActedOnOnce() throws Exception {
    try (SpaceoneGateway spaceone = SpaceoneGateway.start(data)) {
      String id = create(spaceone, ScimJson.user("ada@example.com").put("password", "First-password-1"));
      assertEquals("First-password-1", spaceone.emulator.password("ada@example.com"));
      // The same password again is no error.
      assertStatus(200, spaceone.scim.patch("/Users/" + id, patch(op("replace", "password",
          ScimJson.parse("\"First-password-1\"")))));
      assertStatus(200, spaceone.scim.patch("/Users/" + id, patch(op("replace", PASSWORD + ":mustChangePassword",
          ScimJson.parse("true")))));
      ScimResponse unverified = spaceone.scim.patch("/Users/" + id, patch(op("replace",
          PASSWORD + ":resetPassword", ScimJson.parse("true"))));
      assertStatus(400, unverified);
      assertTrue(unverified.text("detail").contains("verified"), unverified::toString);
      spaceone.emulator.verifyEmail("ada@example.com");
      assertStatus(200, spaceone.scim.patch("/Users/" + id, patch(op("replace", PASSWORD + ":resetPassword",
          ScimJson.parse("true")))));
      assertEquals(List.of(
          new SpaceoneAction("set_required_actions", "ada@example.com", List.of("UPDATE_PASSWORD")),
          new SpaceoneAction("reset_password", "ada@example.com", List.of("ACCESS_TOKEN"))),
          spaceone.emulator.actions());

      spaceone.emulator.addExternalUser("sso@example.com", "sso@example.com");
      String external = spaceone.scim.get("/Users" + filter("userName eq \"sso@example.com\""))
          .json().path("Resources").path(0).path("id").asText();
      ScimResponse refused = spaceone.scim.patch("/Users/" + external, patch(op("replace", "password",
          ScimJson.parse("\"Some-password-2\""))));
      assertStatus(400, refused);
      assertTrue(refused.text("detail").contains("external authentication"), refused::toString);
    }
  }

  @Test
  void rolesAreTheDomainRoleBindingsAndReadOnly() throws Exception {
    try (SpaceoneGateway spaceone = SpaceoneGateway.start(data)) {
      String id = create(spaceone, minimalUser("ada@example.com"));
      spaceone.emulator.bindDomainRole("ada@example.com", "role-domain-admin");
      ObjectNode user = (ObjectNode) spaceone.scim.get("/Users/" + id + "?attributes=userName,roles").json();
      assertEquals("role-domain-admin", user.path("roles").path(0).path("value").asText(), user::toString);
      assertEquals("Domain Admin", user.path("roles").path(0).path("display").asText());
      ScimResponse catalog = spaceone.scim.get("/Roles");
      assertStatus(200, catalog);
      assertEquals("role-domain-admin", catalog.json().path("Resources").path(0).path("value").asText());
      ScimResponse changed = spaceone.scim.patch("/Users/" + id, patch(op("replace", "roles",
          ScimJson.parse("[]"))));
      assertStatus(400, changed);
      assertEquals("mutability", changed.text("scimType"), changed::toString);
    }
  }

  @Test
  void consoleApiPrefixAndFastApiErrorsAreUnderstood() throws Exception {
    try (SpaceoneGateway spaceone = SpaceoneGateway.start(data,
        SpaceoneSettings.of("domain-console").withFastApiErrors(), section -> section.put("prefix", "/identity"))) {
      List<String> calls = spaceone.callsOf(() -> create(spaceone, minimalUser("ada@example.com")));
      assertTrue(calls.contains("POST /identity/user/create"), calls::toString);
      ScimResponse weak = spaceone.scim.post("/Users", minimalUser("bob@example.com").put("password", "weak"));
      assertStatus(400, weak);
      assertTrue(weak.text("detail").contains("uppercase letter"), weak::toString);
    }
  }
}
