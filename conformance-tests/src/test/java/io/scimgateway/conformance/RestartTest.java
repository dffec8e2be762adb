package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertAbsent;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.valueOf;
import static io.scimgateway.conformance.ScimAssertions.values;
import static io.scimgateway.conformance.ScimJson.ENTERPRISE;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the gateway answers survives a restart on the same data directory: every resource reads back
 * identically (attributes, meta, ETags), memberships included. The second gateway listens on another
 * port, so locations are compared after swapping the old base URL for the new one.
 */
@Needs(Capability.EMBEDDED_STORE)
class RestartTest {

  @TempDir
  Path data;

  /** The state written before the restart: paths to their GET responses. */
  private final Map<String, ScimResponse> before = new LinkedHashMap<>();

  private String manager;
  private String grace;
  private String linus;
  private String removed;
  private String engineers;
  private String everyone;

  @Test
  void everythingReadsBackIdenticallyAfterRestart() {
    String oldBase;
    try (TestGateway first = TestGateway.start(data)) {
      ScimSession scim = ScimSession.of(first);
      oldBase = scim.base().toString();
      writeState(scim);
      for (String path : paths()) {
        ScimResponse read = scim.get(path);
        assertStatus(200, read);
        before.put(path, read);
      }
      scim.assertNoServerErrors();
    }

    try (TestGateway second = TestGateway.start(data)) {
      ScimSession scim = ScimSession.of(second);
      String newBase = scim.base().toString();
      for (Map.Entry<String, ScimResponse> entry : before.entrySet()) {
        ScimResponse after = scim.get(entry.getKey());
        assertStatus(200, after);
        JsonNode expected = ScimJson.parse(entry.getValue().body().replace(oldBase, newBase));
        assertEquals(expected, after.json(), entry.getKey());
        assertEquals(entry.getValue().header("ETag"), after.header("ETag"), entry.getKey());
      }
      assertScimError(scim.get("/Users/" + removed), 404);
      scim.assertNoServerErrors();
    }
  }

  @Test
  void membershipsAndPasswordsSurviveRestartAndStayUsable() {
    String etagBefore;
    try (TestGateway first = TestGateway.start(data)) {
      ScimSession scim = ScimSession.of(first);
      writeState(scim);
      etagBefore = scim.get("/Users/" + grace).header("ETag").orElseThrow();
      scim.assertNoServerErrors();
    }

    try (TestGateway second = TestGateway.start(data)) {
      ScimSession scim = ScimSession.of(second);

      assertEquals(Set.of(grace, linus, engineers), values(scim.get("/Groups/" + everyone).json().path("members")));
      assertEquals(Set.of(grace), values(scim.get("/Groups/" + engineers).json().path("members")));
      JsonNode graceGroups = scim.get("/Users/" + grace).json().path("groups");
      assertEquals(Set.of(engineers, everyone), values(graceGroups));
      assertEquals("direct", valueOf(graceGroups, engineers).path("type").asText(), graceGroups::toString);
      assertEquals("direct", valueOf(graceGroups, everyone).path("type").asText(), graceGroups::toString);
      JsonNode linusGroups = scim.get("/Users/" + linus).json().path("groups");
      assertEquals(Set.of(everyone), values(linusGroups));

      JsonNode graceNow = scim.get("/Users/" + grace).json();
      assertAbsent(graceNow, "password");
      assertEquals(manager, graceNow.path(ENTERPRISE).path("manager").path("value").asText(), graceNow::toString);

      // The old ETag is still current: a conditional write with it succeeds.
      ScimResponse patched = scim.patch("/Users/" + grace,
          patch(op("replace", "title", ScimJson.parse("\"Rear Admiral\""))), "If-Match", etagBefore);
      assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
      // Uniqueness still holds across the restart.
      assertScimError(scim.post("/Users", minimalUser("GRACE.HOPPER@example.com")), 409, "uniqueness");
      // Memberships can still be changed.
      ScimResponse removal = scim.patch("/Groups/" + everyone,
          patch(op("remove", "members[value eq \"" + linus + "\"]", null)));
      assertTrue(removal.status() == 200 || removal.status() == 204, removal::toString);
      assertEquals(Set.of(grace, engineers), values(scim.get("/Groups/" + everyone).json().path("members")));
      scim.assertNoServerErrors();
    }
  }

  private void writeState(ScimSession scim) {
    manager = create(scim, "/Users", user("the.admiral@example.com"));

    ObjectNode graceBody = user("grace.hopper@example.com").put("nickName", "Amazing Grace")
        .put("externalId", "EXT-1906");
    graceBody.withArray("schemas").add(ENTERPRISE);
    ObjectNode extension = graceBody.putObject(ENTERPRISE);
    extension.put("employeeNumber", "1906").put("department", "Navy");
    extension.putObject("manager").put("value", manager);
    grace = create(scim, "/Users", graceBody);

    linus = create(scim, "/Users", user("linus@example.com").put("password", "another-long-passphrase"));
    removed = create(scim, "/Users", user("removed@example.com"));

    engineers = create(scim, "/Groups", group("Engineers", grace));
    everyone = create(scim, "/Groups", group("Everyone", grace, linus, removed, engineers));

    // Changes after creation, so that versions and lastModified differ from created.
    ScimResponse patched = scim.patch("/Users/" + linus,
        patch(op("replace", "active", ScimJson.parse("false"))));
    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    assertStatus(204, scim.delete("/Users/" + removed));
  }

  private static String create(ScimSession scim, String endpoint, ObjectNode body) {
    ScimResponse created = scim.post(endpoint, body);
    assertStatus(201, created);
    return created.text("id");
  }

  private List<String> paths() {
    return List.of(
        "/Users/" + manager,
        "/Users/" + grace,
        "/Users/" + linus,
        "/Groups/" + engineers,
        "/Groups/" + everyone,
        "/Users",
        "/Groups",
        "/Users?filter=" + ScimJson.q("userName eq \"grace.hopper@example.com\""),
        "/Users?filter=" + ScimJson.q(ENTERPRISE + ":employeeNumber eq \"1906\""));
  }
}
