package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertAbsent;
import static io.scimgateway.conformance.ScimAssertions.assertListResponse;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimAssertions.contains;
import static io.scimgateway.conformance.ScimAssertions.ids;
import static io.scimgateway.conformance.ScimAssertions.valueOf;
import static io.scimgateway.conformance.ScimAssertions.values;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.group;
import static io.scimgateway.conformance.ScimJson.memberValues;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Groups and memberships (RFC 7643 sections 4.1.2 and 4.2): members with their sub-attributes, the
 * computed, read-only {@code User.groups}, nested groups, and what deletes do to memberships.
 *
 * <p>Every test starts from: alice and bob directly in "Outer"; carol in "Inner"; "Inner" nested in
 * "Outer" (so carol is indirectly in "Outer"); dave in no group.
 */
class GroupCrudTest {

  private static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";

  @RegisterExtension
  final RunningGateway running = new RunningGateway();

  private ScimSession scim;

  private String alice;
  private String bob;
  private String carol;
  private String dave;
  private String inner;
  private String outer;

  @BeforeEach
  void start() {
    scim = running.session();
    alice = createUser("alice@example.com", "Alice Archer");
    bob = createUser("bob@example.com", "Bob Baker");
    carol = createUser("carol@example.com", "Carol Cooper");
    dave = createUser("dave@example.com", "Dave Dyer");
    inner = createGroup(group("Inner", carol));
    outer = createGroup(group("Outer", alice, bob, inner));
  }

  private String createUser(String userName, String displayName) {
    ScimResponse created = scim.post("/Users", minimalUser(userName).put("displayName", displayName));
    assertStatus(201, created);
    return created.text("id");
  }

  private String createGroup(ObjectNode body) {
    ScimResponse created = scim.post("/Groups", body);
    assertStatus(201, created);
    return created.text("id");
  }

  private JsonNode read(String endpoint, String id) {
    ScimResponse read = scim.get(endpoint + "/" + id);
    assertStatus(200, read);
    return read.json();
  }

  private JsonNode members(String groupId) {
    return read("/Groups", groupId).path("members");
  }

  /** A user's groups, named in attributes: a backend may return them on request only. */
  private JsonNode groupsOf(String userId) {
    return read("/Users", userId + "?attributes=groups").path("groups");
  }

  // ---------------------------------------------------------------- create and read

  @Test
  void createdGroupAnswers201WithLocationEtagAndMeta() {
    ScimResponse created = scim.post("/Groups", group("Fresh", alice));

    assertStatus(201, created);
    JsonNode body = created.json();
    String id = body.path("id").asText();
    assertTrue(contains(body.path("schemas"), ScimJson.GROUP), body::toString);
    assertEquals("Fresh", body.path("displayName").asText());
    assertEquals(scim.base() + "/Groups/" + id, created.header("Location").orElse(null));
    assertEquals(created.header("Location").orElse(null), body.path("meta").path("location").asText());
    assertEquals("Group", body.path("meta").path("resourceType").asText());
    assertEquals(created.header("ETag").orElse(null), body.path("meta").path("version").asText());
    assertEquals(body, read("/Groups", id), "GET shows what POST answered");
  }

  @Test
  void membersCarryValueTypeDisplayAndRef() {
    JsonNode members = members(outer);

    assertEquals(Set.of(alice, bob, inner), values(members), members::toString);
    assertMember(valueOf(members, alice), alice, "User", "Alice Archer", "/Users/");
    assertMember(valueOf(members, bob), bob, "User", "Bob Baker", "/Users/");
    assertMember(valueOf(members, inner), inner, "Group", "Inner", "/Groups/");
  }

  private void assertMember(JsonNode member, String id, String type, String display, String endpoint) {
    assertEquals(id, member.path("value").asText(), member::toString);
    assertEquals(type, member.path("type").asText(), member::toString);
    assertEquals(display, member.path("display").asText(), member::toString);
    assertEquals(scim.base() + endpoint + id, member.path("$ref").asText(), member::toString);
  }

  @Test
  void userGroupsListsDirectMembership() {
    JsonNode groups = groupsOf(alice);

    assertEquals(Set.of(outer), values(groups), groups::toString);
    JsonNode membership = valueOf(groups, outer);
    assertEquals("direct", membership.path("type").asText(), membership::toString);
    assertEquals("Outer", membership.path("display").asText(), membership::toString);
    assertEquals(scim.base() + "/Groups/" + outer, membership.path("$ref").asText(), membership::toString);
  }

  @Test
  void userGroupsListsIndirectMembershipThroughNestedGroup() {
    JsonNode groups = groupsOf(carol);

    assertEquals(Set.of(inner, outer), values(groups), groups::toString);
    assertEquals("direct", valueOf(groups, inner).path("type").asText(), groups::toString);
    assertEquals("indirect", valueOf(groups, outer).path("type").asText(), groups::toString);
    assertEquals(scim.base() + "/Groups/" + outer, valueOf(groups, outer).path("$ref").asText());
    assertEquals("Outer", valueOf(groups, outer).path("display").asText());
  }

  @Test
  void userInNoGroupHasNoGroups() {
    JsonNode groups = groupsOf(dave);

    assertTrue(groups.isMissingNode() || groups.isEmpty(), groups::toString);
  }

  @Test
  void groupsSentInUserPostAreIgnored() {
    ObjectNode body = minimalUser("eve@example.com");
    body.set("groups", memberValues(outer));

    ScimResponse created = scim.post("/Users", body);

    // RFC 7643 section 2.2 / RFC 7644 section 3.3: readOnly values in a request are ignored.
    assertStatus(201, created);
    JsonNode groups = created.json().path("groups");
    assertTrue(groups.isMissingNode() || groups.isEmpty(), created::toString);
    assertFalse(values(members(outer)).contains(created.text("id")), "not made a member of Outer");
  }

  @Test
  void groupsSentInUserPutAreIgnored() {
    ObjectNode body = minimalUser("alice@example.com").put("displayName", "Alice Archer");
    body.set("groups", memberValues(inner));

    ScimResponse replaced = scim.put("/Users/" + alice, body);

    assertStatus(200, replaced);
    if (ServedUserSchema.returnedByDefault(scim, "groups")) {
      assertEquals(Set.of(outer), values(replaced.json().path("groups")), replaced::toString);
    } else {
      assertTrue(replaced.json().path("groups").isMissingNode(), replaced::toString);
    }
    assertEquals(Set.of(outer), values(groupsOf(alice)));
    assertEquals(Set.of(carol), values(members(inner)), "Inner untouched");
  }

  @Test
  void putOfUserWithoutGroupsKeepsItsMemberships() {
    ScimResponse replaced = scim.put("/Users/" + alice, minimalUser("alice@example.com"));

    assertStatus(200, replaced);
    assertEquals(Set.of(outer), values(groupsOf(alice)));
    assertTrue(values(members(outer)).contains(alice));
  }

  // ---------------------------------------------------------------- patch

  @Test
  void patchAddMembersAddsThemAndKeepsTheOthers() {
    ScimResponse patched = scim.patch("/Groups/" + outer,
        patch(op("add", "members", memberValues(dave))));

    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    assertEquals(Set.of(alice, bob, inner, dave), values(members(outer)));
    assertEquals(Set.of(outer), values(groupsOf(dave)));
    if (patched.status() == 200) {
      assertEquals(Set.of(alice, bob, inner, dave), values(patched.json().path("members")));
    }
  }

  @Test
  void patchAddOfExistingMemberDoesNotDuplicateIt() {
    ScimResponse patched = scim.patch("/Groups/" + outer,
        patch(op("add", "members", memberValues(alice))));

    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    JsonNode members = members(outer);
    assertEquals(3, members.size(), members::toString);
    assertEquals(Set.of(alice, bob, inner), values(members));
  }

  @Test
  void patchRemoveMemberByValueFilterRemovesOnlyThatMember() {
    ScimResponse patched = scim.patch("/Groups/" + outer,
        patch(op("remove", "members[value eq \"" + alice + "\"]", null)));

    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    assertEquals(Set.of(bob, inner), values(members(outer)));
    JsonNode aliceGroups = groupsOf(alice);
    assertTrue(aliceGroups.isMissingNode() || aliceGroups.isEmpty(), aliceGroups::toString);
    assertEquals(Set.of(outer), values(groupsOf(bob)), "bob still a member");
  }

  @Test
  void patchRemoveNestedGroupEndsIndirectMembership() {
    ScimResponse patched = scim.patch("/Groups/" + outer,
        patch(op("remove", "members[value eq \"" + inner + "\"]", null)));

    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    assertEquals(Set.of(alice, bob), values(members(outer)));
    assertEquals(Set.of(inner), values(groupsOf(carol)));
  }

  @Test
  void patchRemoveAllMembersEmptiesTheGroup() {
    ScimResponse patched = scim.patch("/Groups/" + outer, patch(op("remove", "members", null)));

    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    JsonNode members = members(outer);
    assertTrue(members.isMissingNode() || members.isEmpty(), members::toString);
    assertEquals(Set.of(inner), values(groupsOf(carol)));
  }

  @Test
  void patchReplaceMembersReplacesTheWholeList() {
    ScimResponse patched = scim.patch("/Groups/" + outer,
        patch(op("replace", "members", memberValues(carol, dave))));

    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    assertEquals(Set.of(carol, dave), values(members(outer)));
    JsonNode aliceGroups = groupsOf(alice);
    assertTrue(aliceGroups.isMissingNode() || aliceGroups.isEmpty(), aliceGroups::toString);
  }

  @Test
  void patchAddMembersWithoutPathAddsThem() {
    ObjectNode value = ScimJson.object();
    value.set("members", memberValues(dave));

    ScimResponse patched = scim.patch("/Groups/" + outer, patch(op("add", null, value)));

    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    assertEquals(Set.of(alice, bob, inner, dave), values(members(outer)));
  }

  @Test
  void patchAddingGroupsToAUserIs400Mutability() {
    ScimResponse before = scim.get("/Users/" + dave);

    ScimResponse refused = scim.patch("/Users/" + dave,
        patch(op("add", "groups", memberValues(outer))));

    // RFC 7644 section 3.5.2: a client MUST NOT modify a readOnly attribute; the operation fails
    // with the scimType "mutability" (section 3.12).
    assertScimError(refused, 400, "mutability");
    assertEquals(before.json(), scim.get("/Users/" + dave).json());
    assertFalse(values(members(outer)).contains(dave));
  }

  @Test
  void patchReplaceDisplayNameRenamesTheGroupInMembersViews() {
    ScimResponse patched = scim.patch("/Groups/" + outer,
        patch(op("replace", "displayName", ScimJson.parse("\"Outer Renamed\""))));

    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);
    assertEquals("Outer Renamed", read("/Groups", outer).path("displayName").asText());
    assertEquals(Set.of(alice, bob, inner), values(members(outer)), "members untouched");
    assertEquals("Outer Renamed", valueOf(groupsOf(alice), outer).path("display").asText());
  }

  /**
   * RFC 7644 section 3.5.2 allows 204 for a PATCH; Entra and Okta expect it for groups, and Entra asks
   * servers not to answer with every member. A client that names attributes gets them, with 200.
   */
  @Test
  void aGroupPatchAnswers204WithItsEtagUnlessTheRequestNamesAttributes() {
    ScimResponse added = scim.patch("/Groups/" + outer,
        patch(op("add", "members", ScimJson.parse("[{\"value\":\"" + dave + "\"}]"))));
    assertStatus(204, added);
    assertTrue(added.body().isEmpty(), added::toString);
    assertEquals(scim.get("/Groups/" + outer).header("ETag").orElseThrow(),
        added.header("ETag").orElseThrow(), "the answer's ETag is the group's");

    ScimResponse renamed = scim.patch("/Groups/" + outer + "?attributes=displayName",
        patch(op("replace", "displayName", ScimJson.parse("\"Outer Renamed\""))));
    assertStatus(200, renamed);
    assertEquals("Outer Renamed", renamed.json().path("displayName").asText(), renamed::toString);
    assertAbsent(renamed.json(), "members");
    assertEquals(Set.of(alice, bob, inner, dave), values(members(outer)));
  }

  /**
   * A group's representation shows its members' names, so renaming a member (a user, or a nested group)
   * moves the group's ETag on. On the SQL store a read without members gives the same ETag as one
   * with them, so that clients that exclude members (Entra's lookups) can still send If-Match.
   */
  @Test
  @Needs(Capability.SQL_STORE)
  void renamingAMemberMovesTheGroupsEtagAndAReadWithoutMembersHasTheSameEtag() {
    String etag = scim.get("/Groups/" + outer).header("ETag").orElseThrow();
    assertEquals(etag, scim.get("/Groups/" + outer + "?excludedAttributes=members").header("ETag")
        .orElseThrow(), "the version is the group's, not that of what a read returns");

    assertStatus(200, scim.patch("/Users/" + alice,
        patch(op("replace", "displayName", ScimJson.parse("\"Alice Smith\"")))));
    ScimResponse afterUser = scim.get("/Groups/" + outer);
    assertNotEquals(etag, afterUser.header("ETag").orElseThrow(), "a member shows a new name");
    assertEquals("Alice Smith", valueOf(afterUser.json().path("members"), alice).path("display")
        .asText(), afterUser::toString);

    assertStatus(204, scim.patch("/Groups/" + inner,
        patch(op("replace", "displayName", ScimJson.parse("\"Inner Renamed\"")))));
    ScimResponse afterGroup = scim.get("/Groups/" + outer);
    assertNotEquals(afterUser.header("ETag").orElseThrow(), afterGroup.header("ETag").orElseThrow(),
        "a nested group shows a new name");
    assertEquals("Inner Renamed", valueOf(afterGroup.json().path("members"), inner).path("display")
        .asText(), afterGroup::toString);

    ScimResponse added = scim.patch("/Groups/" + outer + "?excludedAttributes=members",
        patch(op("add", "members", ScimJson.parse("[{\"value\":\"" + dave + "\"}]"))));
    assertStatus(200, added);
    assertAbsent(added.json(), "members");
    assertEquals(scim.get("/Groups/" + outer).header("ETag").orElseThrow(),
        added.header("ETag").orElseThrow(), "the answer's ETag is the group's");
    assertTrue(values(members(outer)).contains(dave));
  }

  // ---------------------------------------------------------------- replace

  @Test
  void putWithNewMemberListReplacesTheMembers() {
    ScimResponse replaced = scim.put("/Groups/" + outer, group("Outer", carol, dave));

    assertStatus(200, replaced);
    assertEquals(Set.of(carol, dave), values(replaced.json().path("members")), replaced::toString);
    assertEquals(Set.of(carol, dave), values(members(outer)));
    JsonNode aliceGroups = groupsOf(alice);
    assertTrue(aliceGroups.isMissingNode() || aliceGroups.isEmpty(), aliceGroups::toString);
    assertEquals(Set.of(outer), values(groupsOf(dave)));
    JsonNode carolGroups = groupsOf(carol);
    assertEquals(Set.of(inner, outer), values(carolGroups));
    assertEquals("direct", valueOf(carolGroups, outer).path("type").asText(), carolGroups::toString);
  }

  @Test
  void putWithoutMembersEmptiesTheGroup() {
    ScimResponse replaced = scim.put("/Groups/" + outer, group("Outer"));

    assertStatus(200, replaced);
    assertAbsent(replaced.json(), "members");
    JsonNode members = members(outer);
    assertTrue(members.isMissingNode() || members.isEmpty(), members::toString);
  }

  // ---------------------------------------------------------------- delete

  @Test
  void deletingUserRemovesItFromGroupsAndChangesTheGroupEtag() {
    ScimResponse before = scim.get("/Groups/" + outer);
    assertStatus(200, before);

    assertStatus(204, scim.delete("/Users/" + alice));

    ScimResponse after = scim.get("/Groups/" + outer);
    assertStatus(200, after);
    assertEquals(Set.of(bob, inner), values(after.json().path("members")), after::toString);
    assertNotEquals(before.header("ETag").orElse(null), after.header("ETag").orElse(null),
        "the group's representation changed, so must its ETag");
    assertNotEquals(before.json().path("meta").path("version").asText(),
        after.json().path("meta").path("version").asText());
    assertEquals(after.header("ETag").orElse(null), after.json().path("meta").path("version").asText());
  }

  @Test
  void deletingGroupRemovesItFromUsersGroups() {
    String outerEtag = scim.get("/Groups/" + outer).header("ETag").orElseThrow();

    assertStatus(204, scim.delete("/Groups/" + inner));

    assertNotEquals(outerEtag, scim.get("/Groups/" + outer).header("ETag").orElseThrow(),
        "Outer lost a member, so its ETag must change");

    JsonNode carolGroups = groupsOf(carol);
    assertTrue(carolGroups.isMissingNode() || carolGroups.isEmpty(),
        () -> "carol was in Inner, and in Outer only through Inner: " + carolGroups);
    assertEquals(Set.of(alice, bob), values(members(outer)));
  }

  @Test
  void deletingOuterGroupRemovesItFromDirectAndIndirectMembers() {
    assertStatus(204, scim.delete("/Groups/" + outer));

    JsonNode aliceGroups = groupsOf(alice);
    assertTrue(aliceGroups.isMissingNode() || aliceGroups.isEmpty(), aliceGroups::toString);
    assertEquals(Set.of(inner), values(groupsOf(carol)));
    assertScimError(scim.get("/Groups/" + outer), 404);
  }

  @Test
  void userEtagChangesWhenItsGroupsChange() {
    ScimResponse before = scim.get("/Users/" + dave + "?attributes=userName,groups");
    String etag = before.header("ETag").orElseThrow();

    ScimResponse patched = scim.patch("/Groups/" + outer,
        patch(op("add", "members", memberValues(dave))));
    assertTrue(patched.status() == 200 || patched.status() == 204, patched::toString);

    // dave's representation now has "groups": a cache holding the old one must not be told it is
    // current (RFC 7232 section 2.3; RFC 7644 section 3.14).
    ScimResponse conditional = scim.get("/Users/" + dave + "?attributes=userName,groups",
        "If-None-Match", etag);
    assertStatus(200, conditional);
    assertEquals(Set.of(outer), values(conditional.json().path("groups")));
    assertNotEquals(etag, conditional.header("ETag").orElse(null));
  }

  // ---------------------------------------------------------------- invalid members

  @Test
  void createWithUnknownMemberIdIs400InvalidValueAndCreatesNothing() {
    ScimResponse refused = scim.post("/Groups", group("Ghosts", alice, NO_SUCH_ID));

    assertScimError(refused, 400, "invalidValue");
    assertListResponse(scim.get("/Groups" + filter("displayName eq \"Ghosts\"")), 0, 0, 1);
  }

  @Test
  void patchAddOfUnknownMemberIdIs400InvalidValueAndChangesNothing() {
    ScimResponse before = scim.get("/Groups/" + outer);

    ScimResponse refused = scim.patch("/Groups/" + outer,
        patch(op("add", "members", memberValues(dave, NO_SUCH_ID))));

    assertScimError(refused, 400, "invalidValue");
    ScimResponse after = scim.get("/Groups/" + outer);
    assertEquals(before.json(), after.json(), "all or nothing");
    JsonNode daveGroups = groupsOf(dave);
    assertTrue(daveGroups.isMissingNode() || daveGroups.isEmpty(), daveGroups::toString);
  }

  @Test
  void putWithUnknownMemberIdIs400InvalidValueAndChangesNothing() {
    ScimResponse before = scim.get("/Groups/" + outer);

    ScimResponse refused = scim.put("/Groups/" + outer, group("Outer", alice, NO_SUCH_ID));

    assertScimError(refused, 400, "invalidValue");
    assertEquals(before.json(), scim.get("/Groups/" + outer).json());
  }

  @Test
  void memberIdOfDeletedUserIs400InvalidValue() {
    assertStatus(204, scim.delete("/Users/" + dave));

    ScimResponse refused = scim.post("/Groups", group("Late", dave));

    assertScimError(refused, 400, "invalidValue");
  }

  // ---------------------------------------------------------------- list

  @Test
  void filterDisplayNameEqFindsGroupIgnoringCase() {
    ScimResponse found = scim.get("/Groups" + filter("displayName eq \"outer\""));

    assertListResponse(found, 1, 1, 1);
    assertEquals(outer, ids(found).get(0));
    assertEquals(Set.of(alice, bob, inner), values(ScimAssertions.resources(found).get(0).path("members")));
  }

  @Test
  void listOfGroupsReturnsOnlyGroups() {
    ScimResponse list = scim.get("/Groups");

    assertListResponse(list, 2, 2, 1);
    assertEquals(Set.of(inner, outer), Set.copyOf(ids(list)));
  }

  @Test
  void excludedAttributesMembersLeavesThemOut() {
    ScimResponse read = scim.get("/Groups/" + outer + "?excludedAttributes=members");

    assertStatus(200, read);
    assertAbsent(read.json(), "members");
    assertEquals("Outer", read.json().path("displayName").asText());
  }
}
