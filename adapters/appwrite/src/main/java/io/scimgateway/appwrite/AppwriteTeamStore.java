package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.MemberDiff;
import io.scimgateway.kit.ResourceVersions;
import io.scimgateway.sqlite.LocalGroupNesting;
import io.scimgateway.sqlite.LocalRecord;
import io.scimgateway.sqlite.LocalState;
import io.scimgateway.spi.GroupMembership;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM Groups on Appwrite Teams: {@code displayName} is the team's name, user {@code members} its
 * memberships, everything else (including groups nested in the group, which a team cannot hold) local
 * state. Members are added and removed one membership at a time, so only the changed ones are
 * touched. Thread-safe.
 */
final class AppwriteTeamStore extends AppwriteListedStore implements GroupMembership {

  static final String RESOURCE_TYPE = "Group";
  static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final AppwriteApi api;
  private final AppwriteGroupNesting nesting;
  private final List<String> memberRoles;
  private final Clock clock;
  private final LocalGroupNesting localNesting;

  AppwriteTeamStore(AppwriteApi api, LocalState local, List<String> memberRoles, int pageSize,
      Clock clock) {
    super(local, new AppwriteListing(api, "/teams", "teams", AppwriteAttributes.teamFilter(local),
        AppwriteAttributes.teamSorting()), RESOURCE_TYPE, pageSize);
    this.api = api;
    this.nesting = new AppwriteGroupNesting(api, local);
    this.memberRoles = List.copyOf(memberRoles);
    this.clock = clock;
    this.localNesting = new LocalGroupNesting(local, RESOURCE_TYPE);
  }

  @Override
  public Optional<StoredResource> get(String id) throws ScimException {
    Optional<ObjectNode> team = api.find(teamPath(id));
    return team.isEmpty() ? Optional.empty()
        : Optional.of(view(team.get(), local.get(RESOURCE_TYPE, id)));
  }

  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    ObjectNode scim = attributes.deepCopy();
    Members members = resolve(memberIds(scim.remove("members")));
    String id = AppwriteIds.next();
    api.createOnce("/teams", JSON.objectNode().put("teamId", id).put("name", name(scim)),
        teamPath(id));
    try {
      for (String userId : members.users()) {
        addMember(id, userId);
      }
    } catch (ScimException e) {
      api.undoCreate(teamPath(id));
      throw e;
    }
    local.put(RESOURCE_TYPE, id, LocalGroupNesting.withNested(scim, members.groups()), clock.instant());
    return get(id).orElseThrow(() -> notFound(id));
  }

  @Override
  public StoredResource replace(ResourceChange change) throws ScimException {
    return locks.with(change.id(), () -> replaceChecked(change));
  }

  private StoredResource replaceChecked(ResourceChange change) throws ScimException {
    String id = change.id();
    StoredResource current = checkedVersion(id, change.before().version());
    ObjectNode scim = change.after().deepCopy();
    Members after = resolve(memberIds(scim.remove("members")));
    String name = name(scim);
    if (!name.equals(current.attributes().path("displayName").asText())) {
      api.set("PUT", teamPath(id), JSON.objectNode().put("name", name));
    }
    MemberDiff diff = MemberDiff.between(userMembers(current.attributes().path("members")),
        after.users());
    addUsers(id, diff.add());
    removeUsers(id, diff.remove());
    local.put(RESOURCE_TYPE, id, LocalGroupNesting.withNested(scim, after.groups()), clock.instant());
    return get(id).orElseThrow(() -> notFound(id));
  }

  @Override
  public StoredResource changeMembers(String groupId, Collection<String> add,
      Collection<String> remove, String expectedVersion) throws ScimException {
    return locks.with(groupId, () -> changeMembersChecked(groupId, add, remove, expectedVersion));
  }

  private StoredResource changeMembersChecked(String groupId, Collection<String> add,
      Collection<String> remove, String expectedVersion) throws ScimException {
    if (expectedVersion != null) {
      checkedVersion(groupId, expectedVersion);
    } else if (api.find(teamPath(groupId)).isEmpty()) {
      throw notFound(groupId);
    }
    Members added = resolve(new ArrayList<>(add));
    addUsers(groupId, added.users());
    removeUsers(groupId, new ArrayList<>(remove));
    localNesting.changeNested(groupId, added.groups(), remove, clock.instant());
    return get(groupId).orElseThrow(() -> notFound(groupId));
  }

  private void addUsers(String teamId, List<String> userIds) throws ScimException {
    for (String userId : userIds) {
      addMember(teamId, userId);
    }
  }

  private void removeUsers(String teamId, List<String> remove) throws ScimException {
    for (List<String> chunk : chunks(remove)) {
      List<JsonNode> memberships = api.listAll(teamPath(teamId) + "/memberships", "memberships",
          List.of(AppwriteQuery.compare("equal", "userId", ids(chunk))));
      for (JsonNode membership : memberships) {
        // Deleting twice (a retry after a lost answer) finds it gone, which is what was wanted.
        api.delete(teamPath(teamId) + "/memberships/"
            + AppwriteApi.segment(membership.path("$id").asText()));
      }
    }
  }

  /** Adds a user; one already a member (perhaps by a retried call) is left as it is. */
  private void addMember(String teamId, String userId) throws ScimException {
    ObjectNode body = JSON.objectNode().put("userId", userId);
    ArrayNode roles = body.putArray("roles");
    memberRoles.forEach(roles::add);
    api.createUnlessPresent(teamPath(teamId) + "/memberships", body);
  }

  /** A group's members split by where they live: users in Appwrite, groups in local state. */
  private record Members(List<String> users, List<String> groups) {
  }

  /**
   * Which ids are users and which are teams, checked before anything is written so that an id that
   * names neither changes nothing. Appwrite teams hold users only; a group nested in a group is kept
   * by the gateway.
   */
  private Members resolve(List<String> ids) throws ScimException {
    Set<String> users = new LinkedHashSet<>();
    nesting.existing("/users", "users", ids).forEach(user -> users.add(user.path("$id").asText()));
    List<String> rest = ids.stream().filter(id -> !users.contains(id)).toList();
    Set<String> teams = nesting.existingTeams(rest).keySet();
    for (String id : rest) {
      if (!teams.contains(id)) {
        throw BadRequestException.invalidValue("The member " + id + " names no user or group.");
      }
    }
    return new Members(ids.stream().filter(users::contains).distinct().toList(),
        rest.stream().distinct().toList());
  }

  @Override
  public void delete(String id, String expectedVersion) throws ScimException {
    locks.run(id, () -> deleteChecked(id, expectedVersion));
  }

  private void deleteChecked(String id, String expectedVersion) throws ScimException {
    if (expectedVersion != null) {
      checkedVersion(id, expectedVersion);
    }
    api.delete(teamPath(id));
    local.delete(RESOURCE_TYPE, id);
  }

  private StoredResource checkedVersion(String id, String expectedVersion) throws ScimException {
    StoredResource current = get(id).orElseThrow(() -> notFound(id));
    if (!current.version().equals(expectedVersion)) {
      throw new PreconditionFailedException("The group changed since it was read; read it again.");
    }
    return current;
  }

  @Override
  protected StoredResource view(ObjectNode team, Optional<LocalRecord> record) throws ScimException {
    String id = team.path("$id").asText();
    List<JsonNode> memberships = api.listAll(teamPath(id) + "/memberships", "memberships", List.of());
    ObjectNode scim = record.map(r -> r.attributes().deepCopy()).orElseGet(() -> {
      ObjectNode fresh = JSON.objectNode();
      fresh.putArray("schemas").add(GROUP_SCHEMA);
      return fresh;
    });
    List<String> nested = LocalGroupNesting.nestedIn(scim);
    scim.remove(LocalGroupNesting.NESTED_GROUPS);
    scim.put("displayName", team.path("name").asText());
    scim.remove("members");
    ArrayNode members = JSON.arrayNode();
    for (JsonNode membership : memberships) {
      member(members, membership.path("userId").asText(), membership.path("userName").asText(""),
          "User");
    }
    // A nested group deleted since is no longer a member, as with the embedded store.
    nesting.existingTeams(nested).forEach((groupId, name) -> member(members, groupId, name, "Group"));
    if (!members.isEmpty()) {
      scim.set("members", members);
    }
    ArrayNode memberIds = JSON.arrayNode();
    members.findValuesAsText("value").stream().sorted().forEach(memberIds::add);
    String version = ResourceVersions.ofContent(JSON.textNode(team.path("$updatedAt").asText("")),
        record.map(r -> (JsonNode) r.attributes()).orElse(JSON.nullNode()), memberIds);
    return AppwriteTimes.stored(team, scim, record, version);
  }

  private static void member(ArrayNode members, String id, String display, String type) {
    ObjectNode member = members.addObject().put("value", id);
    if (!display.isEmpty()) {
      member.put("display", display);
    }
    member.put("type", type);
  }

  private static String name(ObjectNode scim) throws BadRequestException {
    String name = scim.path("displayName").asText("");
    if (name.isBlank() || name.length() > 128) {
      throw BadRequestException.invalidValue("An Appwrite team needs a displayName of 1 to 128 "
          + "characters.");
    }
    return name;
  }

  private static List<String> memberIds(JsonNode members) {
    List<String> ids = new ArrayList<>();
    if (members != null) {
      members.forEach(member -> ids.add(member.path("value").asText()));
    }
    return ids;
  }

  /** The user members of a group as read (type User). */
  private static List<String> userMembers(JsonNode members) {
    List<String> ids = new ArrayList<>();
    for (JsonNode member : members) {
      if (member.path("type").asText().equals("User")) {
        ids.add(member.path("value").asText());
      }
    }
    return ids;
  }

  private static List<JsonNode> ids(List<String> ids) {
    return ids.stream().map(id -> (JsonNode) JSON.textNode(id)).toList();
  }

  /** Appwrite takes at most 100 values in one {@code equal}. */
  private static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += AppwriteApi.PAGE) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + AppwriteApi.PAGE)));
    }
    return chunks;
  }

  private static String teamPath(String id) {
    return "/teams/" + AppwriteApi.segment(id);
  }

  private static ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("No group has the id " + id + ".");
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == GroupMembership.class ? Optional.of(type.cast(this)) : Optional.empty();
  }
}
