package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.MemberDiff;
import io.scimgateway.kit.ResourceVersions;
import io.scimgateway.kit.UnconfirmedCreates;
import io.scimgateway.spi.GroupMembership;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.sqlite.LocalGroupNesting;
import io.scimgateway.sqlite.LocalRecord;
import io.scimgateway.sqlite.LocalState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM Groups on ZIdentity's {@code /groups}: {@code displayName} is the group's name, {@code members}
 * its users (added many at a time, removed one at a time, so that only the changed ones are touched);
 * everything else the client wrote is local state, including the groups nested in it, since ZIdentity
 * groups hold users only ({@link LocalGroupNesting}). Thread-safe.
 */
final class ZidentityGroupStore extends ZidentityListedStore implements GroupMembership {

  static final String RESOURCE_TYPE = "Group";
  static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final int CREATE_ATTEMPTS = 3;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Clock clock;
  private final LocalGroupNesting localNesting;

  ZidentityGroupStore(ZidentityApi api, LocalState local, int pageSize, Clock clock) {
    super(api, local, RESOURCE_TYPE, "/groups", ZidentityFilter.groups(), pageSize);
    this.clock = clock;
    this.localNesting = new LocalGroupNesting(local, RESOURCE_TYPE);
  }

  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    ObjectNode scim = attributes.deepCopy();
    Members members = resolve(scim.remove("members"));
    String name = name(scim);
    ObjectNode group = UnconfirmedCreates.createOnce(
        () -> api.post("/groups", JSON.objectNode().put("name", name)).orElseThrow(
            () -> api.unreadable("an empty answer to a group create")),
        () -> byName(name), CREATE_ATTEMPTS,
        "ZIdentity already has a group named " + name + ".");
    String id = group.path("id").asText();
    try {
      addUsers(id, members.users());
    } catch (ScimException e) {
      api.undo(path(id));
      throw e;
    }
    local.put(RESOURCE_TYPE, id, LocalGroupNesting.withNested(scim, members.groups()), clock.instant());
    return get(id).orElseThrow(() -> notFound(id));
  }

  private Optional<ObjectNode> byName(String name) throws ScimException {
    return api.page("/groups", List.of(Map.entry("name[like]", name)), 0, maxPageSize()).records()
        .stream().filter(group -> group.path("name").asText().equalsIgnoreCase(name)).findFirst();
  }

  @Override
  public StoredResource replace(ResourceChange change) throws ScimException {
    return locks.with(change.id(), () -> replaceChecked(change));
  }

  private StoredResource replaceChecked(ResourceChange change) throws ScimException {
    String id = change.id();
    ObjectNode group = api.find(path(id)).orElseThrow(() -> notFound(id));
    StoredResource current = view(group, local.get(RESOURCE_TYPE, id));
    requireVersion(current, change.before().version());
    ObjectNode scim = change.after().deepCopy();
    Members after = resolve(scim.remove("members"));
    String name = name(scim);
    if (!name.equals(group.path("name").asText())) {
      api.replace(path(id), group.deepCopy().put("name", name));
    }
    MemberDiff diff = MemberDiff.between(userMembers(current), after.users());
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
    StoredResource current = get(groupId).orElseThrow(() -> notFound(groupId));
    requireVersion(current, expectedVersion);
    Members added = resolve(new ArrayList<>(add));
    addUsers(groupId, added.users());
    removeUsers(groupId, userMembers(current).stream().filter(remove::contains).toList());
    localNesting.changeNested(groupId, added.groups(), remove, clock.instant());
    return get(groupId).orElseThrow(() -> notFound(groupId));
  }

  /** Adds many users in one call; adding a member twice (a retried call) changes nothing. */
  private void addUsers(String groupId, List<String> userIds) throws ScimException {
    if (!userIds.isEmpty()) {
      ArrayNode body = JSON.arrayNode();
      userIds.forEach(userId -> body.addObject().put("id", userId));
      api.repeatable("POST", path(groupId) + "/users", body);
    }
  }

  private void removeUsers(String groupId, List<String> userIds) throws ScimException {
    for (String userId : userIds) {
      api.delete(path(groupId) + "/users/" + ZidentityApi.segment(userId));
    }
  }

  /** A group's members split by where they live: users in ZIdentity, groups in local state. */
  private record Members(List<String> users, List<String> groups) {
  }

  private Members resolve(JsonNode members) throws ScimException {
    List<String> ids = new ArrayList<>();
    if (members != null) {
      members.forEach(member -> ids.add(member.path("value").asText()));
    }
    return resolve(ids);
  }

  /**
   * Which ids are users and which are groups, checked before anything is written so that an id that
   * names neither changes nothing. ZIdentity groups hold users only; a nested group is kept locally.
   */
  private Members resolve(List<String> ids) throws ScimException {
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      if (api.find(ZidentityUserStore.userPath(id)).isPresent()) {
        users.add(id);
      } else if (api.find(path(id)).isPresent()) {
        groups.add(id);
      } else {
        throw BadRequestException.invalidValue("The member " + id + " names no user or group.");
      }
    }
    return new Members(users, groups);
  }

  private static Set<String> userMembers(StoredResource group) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode member : group.attributes().path("members")) {
      if (member.path("type").asText().equals("User")) {
        ids.add(member.path("value").asText());
      }
    }
    return ids;
  }

  /** Of these group ids, those ZIdentity still has, with their names, in the order given. */
  Map<String, String> existing(Collection<String> groupIds) throws ScimException {
    Map<String, String> names = new LinkedHashMap<>();
    for (String id : groupIds) {
      api.find(path(id)).ifPresent(group -> names.put(id, group.path("name").asText("")));
    }
    return names;
  }

  private static String name(ObjectNode scim) throws BadRequestException {
    String name = scim.path("displayName").asText("");
    if (name.isBlank()) {
      throw BadRequestException.invalidValue("A ZIdentity group needs a displayName, its name.");
    }
    return name;
  }

  @Override
  protected StoredResource view(ObjectNode group, Optional<LocalRecord> held) throws ScimException {
    String id = group.path("id").asText();
    ObjectNode scim = held.map(record -> record.attributes().deepCopy()).orElseGet(() -> {
      ObjectNode fresh = JSON.objectNode();
      fresh.putArray("schemas").add(GROUP_SCHEMA);
      return fresh;
    });
    List<String> nested = LocalGroupNesting.nestedIn(scim);
    scim.remove(LocalGroupNesting.NESTED_GROUPS);
    scim.put("displayName", group.path("name").asText());
    scim.remove("members");
    ArrayNode members = JSON.arrayNode();
    for (ObjectNode user : api.all(path(id) + "/users")) {
      ObjectNode member = members.addObject().put("value", user.path("id").asText());
      String display = user.path("displayName").asText(user.path("loginName").asText(""));
      if (!display.isEmpty()) {
        member.put("display", display);
      }
      member.put("type", "User");
    }
    // A nested group deleted since is no longer a member.
    existing(nested).forEach((groupId, name) -> members.addObject().put("value", groupId)
        .put("display", name).put("type", "Group"));
    if (!members.isEmpty()) {
      scim.set("members", members);
    }
    String version = ResourceVersions.ofContent(group,
        held.<JsonNode>map(LocalRecord::attributes).orElse(JSON.nullNode()), members);
    Instant created = held.map(LocalRecord::created).orElse(Instant.EPOCH);
    return new StoredResource(id, scim, created, held.map(LocalRecord::lastModified).orElse(created),
        version);
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == GroupMembership.class ? Optional.of(type.cast(this)) : Optional.empty();
  }
}
