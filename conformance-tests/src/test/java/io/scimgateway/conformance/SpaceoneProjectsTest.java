package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.memberValues;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.spaceone.SpaceoneSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SpaceONE with v1 projects as SCIM Groups: the calls a page of groups and a user's groups cost,
 * members added and removed once whatever answers are lost, members granted in the console seen
 * and removable, only the configured project group's projects served, and a misconfigured role
 * named as such.
 */
@Tag("platform")
class SpaceoneProjectsTest {

  private static final String PROJECTS = "/identity/v1/project/";

  @TempDir
  Path data;

  private static SpaceoneGateway start(Path data, String roleId) throws Exception {
    SpaceoneGateway spaceone = SpaceoneGateway.start(data, SpaceoneSettings.of("domain-projects-test"),
        section -> section.put("groups", "projects").put("projectGroupId", SpaceoneProjectsPlatform.PROJECT_GROUP)
            .put("projectRoleId", roleId));
    spaceone.emulator.addRole(SpaceoneProjectsPlatform.PROJECT_ROLE, "Project Member", "PROJECT");
    return spaceone;
  }

  private static SpaceoneGateway start(Path data) throws Exception {
    return start(data, SpaceoneProjectsPlatform.PROJECT_ROLE);
  }

  private static String create(SpaceoneGateway spaceone, String path, ObjectNode body) {
    ScimResponse created = spaceone.scim.post(path, body);
    assertStatus(201, created);
    return created.text("id");
  }

  private static List<String> memberIds(SpaceoneGateway spaceone, String group) {
    ScimResponse read = spaceone.scim.get("/Groups/" + group);
    assertStatus(200, read);
    List<String> ids = new ArrayList<>();
    read.json().path("members").forEach(member -> ids.add(member.path("value").asText()));
    return ids;
  }

  @Test
  void aPageOfProjectsAndAUsersProjectsCostAFixedNumberOfCalls() throws Exception {
    try (SpaceoneGateway spaceone = start(data)) {
      List<String> users = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        users.add(create(spaceone, "/Users", minimalUser("member" + i + "@example.com")));
      }
      List<String> adds = spaceone.callsOf(() -> {
        for (int g = 0; g < 3; g++) {
          create(spaceone, "/Groups", ScimJson.group("Project " + g, users.get(g), users.get(g + 1),
              users.get(g + 2)));
        }
      });
      assertEquals(9, adds.stream().filter(call -> call.equals("POST " + PROJECTS + "add-member")).count(),
          "one add-member per member, as v1 adds one at a time: " + adds);

      List<String> page = spaceone.callsOf(() -> {
        ScimResponse listed = spaceone.scim.get("/Groups?count=100");
        assertStatus(200, listed);
        assertEquals(3, listed.json().path("totalResults").asInt());
        listed.json().path("Resources").forEach(group -> assertEquals(3, group.path("members").size(),
            group::toString));
      });
      assertEquals(List.of("POST " + PROJECTS + "list", "POST /identity/v1/role-binding/list",
          "POST /identity/v1/user/list"), page, "projects, their members and the members' names");

      List<String> groupsOfUser = spaceone.callsOf(() -> {
        ScimResponse read = spaceone.scim.get("/Users/" + users.get(2) + "?attributes=groups");
        assertStatus(200, read);
        assertEquals(3, read.json().path("groups").size(), read::toString);
      });
      assertEquals(List.of("POST /identity/v1/user/get", "POST /identity/v1/role-binding/list",
          "POST " + PROJECTS + "list"), groupsOfUser, "the user's bindings, then its projects' names");
    }
  }

  @Test
  void membersAreAddedAndRemovedOnceWhateverAnswersAreLost() throws Exception {
    try (SpaceoneGateway spaceone = start(data)) {
      String ada = create(spaceone, "/Users", minimalUser("ada@example.com"));
      String grace = create(spaceone, "/Users", minimalUser("grace@example.com"));
      String group = create(spaceone, "/Groups", ScimJson.group("Payments"));

      int before = spaceone.callsBefore("POST " + PROJECTS + "add-member", () -> assertStatus(204,
          spaceone.scim.patch("/Groups/" + group, patch(op("add", "members", memberValues(grace))))));
      assertStatus(204, spaceone.scim.patch("/Groups/" + group,
          patch(op("remove", "members[value eq \"" + grace + "\"]", null))));
      spaceone.emulator.faults().delayNext(before, Duration.ZERO).applyThenFailNext(1);
      assertStatus(204, spaceone.scim.patch("/Groups/" + group, patch(op("add", "members", memberValues(ada)))));
      assertEquals(List.of(ada), memberIds(spaceone, group), "added once, the lost answer's retry refused");

      assertStatus(204, spaceone.scim.patch("/Groups/" + group, patch(op("add", "members", memberValues(grace)))));
      int removeAt = spaceone.callsBefore("POST " + PROJECTS + "remove-member", () -> assertStatus(204,
          spaceone.scim.patch("/Groups/" + group, patch(op("remove", "members[value eq \"" + grace + "\"]",
              null)))));
      spaceone.emulator.faults().delayNext(removeAt, Duration.ZERO).applyThenDropNext(1);
      assertStatus(204, spaceone.scim.patch("/Groups/" + group,
          patch(op("remove", "members[value eq \"" + ada + "\"]", null))));
      assertEquals(List.of(), memberIds(spaceone, group));
    }
  }

  @Test
  void consoleMembersAreSeenAndOnlyTheProjectGroupsProjectsAreGroups() throws Exception {
    try (SpaceoneGateway spaceone = start(data)) {
      String ada = create(spaceone, "/Users", minimalUser("ada@example.com"));
      String elsewhere = spaceone.emulator.addProject("Elsewhere", "pg-other");
      String ours = spaceone.emulator.addProject("Ours", SpaceoneProjectsPlatform.PROJECT_GROUP);
      spaceone.emulator.addRole("role-project-owner", "Project Owner", "PROJECT");
      spaceone.emulator.addProjectMember(ours, "ada@example.com", "role-project-owner");
      spaceone.emulator.addProjectMember(elsewhere, "ada@example.com", "role-project-owner");

      assertStatus(404, spaceone.scim.get("/Groups/" + elsewhere));
      ScimResponse listed = spaceone.scim.get("/Groups");
      assertEquals(1, listed.json().path("totalResults").asInt(), listed::toString);
      assertEquals(List.of(ada), memberIds(spaceone, ours), "a member with any PROJECT role is a member");
      JsonNode groups = spaceone.scim.get("/Users/" + ada + "?attributes=groups").json().path("groups");
      assertEquals(1, groups.size(), groups::toString);
      assertEquals("Ours", groups.get(0).path("display").asText());

      assertStatus(204, spaceone.scim.patch("/Groups/" + ours,
          patch(op("remove", "members[value eq \"" + ada + "\"]", null))));
      assertEquals(List.of(), memberIds(spaceone, ours));
    }
  }

  @Test
  void aRoleThatIsNotAProjectRoleIsNamedAsTheSettingToFix() throws Exception {
    try (SpaceoneGateway spaceone = start(data, "role-domain-admin")) {
      String ada = create(spaceone, "/Users", minimalUser("ada@example.com"));
      String group = create(spaceone, "/Groups", ScimJson.group("Payments"));
      ScimResponse refused = spaceone.unchecked().patch("/Groups/" + group,
          patch(op("add", "members", memberValues(ada))));
      assertStatus(502, refused);
      assertTrue(refused.text("detail").contains("backend.projectRoleId"), refused::toString);
      assertEquals(List.of(), memberIds(spaceone, group));
    }
  }
}
