package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.KeyedLocks;
import io.scimgateway.kit.MemberDiff;
import io.scimgateway.kit.ResourceVersions;
import io.scimgateway.kit.UnconfirmedCreates;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.GroupMembership;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.sqlite.LocalGroupNesting;
import io.scimgateway.sqlite.LocalRecord;
import io.scimgateway.sqlite.LocalState;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM Groups on SpaceONE v2 user groups: {@code displayName} is the group's {@code name}, user
 * members its {@code users} (added and removed many per call, only those that changed); groups
 * nested in a group are kept in local state ({@link LocalGroupNesting}), as user groups hold users
 * only. Members are checked before anything is written, many ids per call. Thread-safe.
 */
final class SpaceoneGroupStore implements ResourceStore, GroupMembership, SpaceoneUserStore.GroupsOf {

  static final String RESOURCE_TYPE = "Group";
  private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final int CREATE_ATTEMPTS = 3;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final SpaceoneUserGroups groups;
  private final SpaceoneUsers users;
  private final LocalState local;
  private final LocalGroupNesting nesting;
  private final SpaceoneQueryTranslator translator;
  private final int pageSize;
  private final Clock clock;
  private final KeyedLocks locks = new KeyedLocks();

  SpaceoneGroupStore(SpaceoneUserGroups groups, SpaceoneUsers users, LocalState local, int pageSize,
      Clock clock) {
    this.groups = groups;
    this.users = users;
    this.local = local;
    this.nesting = new LocalGroupNesting(local, RESOURCE_TYPE);
    this.translator = SpaceoneQueryTranslator.userGroups(
        externalId -> local.idsWhere(RESOURCE_TYPE, "externalId", externalId));
    this.pageSize = pageSize;
    this.clock = clock;
  }

  @Override
  public Optional<StoredResource> get(String id) throws ScimException {
    Optional<ObjectNode> group = groups.get(id);
    return group.isEmpty() ? Optional.empty() : Optional.of(views(List.of(group.get())).get(0));
  }

  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    ObjectNode scim = attributes.deepCopy();
    Members members = resolve(memberIds(scim.remove("members")));
    String name = name(scim);
    ObjectNode group = UnconfirmedCreates.createOnce(() -> groups.create(name), () -> byName(name),
        CREATE_ATTEMPTS, "SpaceONE already has a user group named " + name + ".");
    String id = group.path("user_group_id").asText();
    try {
      groups.changeUsers(id, members.users(), true);
    } catch (ScimException e) {
      groups.delete(id); // the client's retry then starts clean
      throw e;
    }
    local.put(RESOURCE_TYPE, id, LocalGroupNesting.withNested(scim, members.groups()), clock.instant());
    return get(id).orElseThrow(() -> notFound(id));
  }

  private Optional<ObjectNode> byName(String name) throws ScimException {
    ObjectNode query = JSON.objectNode();
    query.putArray("filter").addObject().put("k", "name")
        .put("v", "^" + SpaceoneQueryTranslator.escaped(name) + "$").put("o", "regex");
    return groups.list(query).users().stream().findFirst();
  }

  @Override
  public StoredResource replace(ResourceChange change) throws ScimException {
    return locks.with(change.id(), () -> {
      String id = change.id();
      StoredResource current = current(id, change.before().version());
      ObjectNode scim = change.after().deepCopy();
      Members after = resolve(memberIds(scim.remove("members")));
      String name = name(scim);
      if (!name.equals(current.attributes().path("displayName").asText())) {
        groups.rename(id, name);
      }
      MemberDiff diff = MemberDiff.between(userMembers(current), after.users());
      groups.changeUsers(id, diff.add(), true);
      groups.changeUsers(id, diff.remove(), false);
      local.put(RESOURCE_TYPE, id, LocalGroupNesting.withNested(scim, after.groups()), clock.instant());
      return get(id).orElseThrow(() -> notFound(id));
    });
  }

  @Override
  public StoredResource changeMembers(String groupId, Collection<String> add, Collection<String> remove,
      String expectedVersion) throws ScimException {
    return locks.with(groupId, () -> {
      StoredResource current = current(groupId, expectedVersion);
      Members added = resolve(new ArrayList<>(add));
      groups.changeUsers(groupId, added.users(), true);
      List<String> removed = new ArrayList<>();
      for (JsonNode member : current.attributes().path("members")) {
        if (member.path("type").asText().equals("User") && remove.contains(member.path("value").asText())) {
          SpaceoneUserIds.parse(member.path("value").asText()).ifPresent(key -> removed.add(key.userId()));
        }
      }
      groups.changeUsers(groupId, removed, false);
      nesting.changeNested(groupId, added.groups(), remove, clock.instant());
      return get(groupId).orElseThrow(() -> notFound(groupId));
    });
  }

  private StoredResource current(String id, String expectedVersion) throws ScimException {
    StoredResource current = get(id).orElseThrow(() -> notFound(id));
    if (expectedVersion != null && !current.version().equals(expectedVersion)) {
      throw new PreconditionFailedException("The group changed since it was read; read it again.");
    }
    return current;
  }

  @Override
  public void delete(String id, String expectedVersion) throws ScimException {
    locks.run(id, () -> {
      if (expectedVersion != null) {
        current(id, expectedVersion);
      }
      groups.delete(id);
      local.delete(RESOURCE_TYPE, id);
    });
  }

  @Override
  public SearchPage search(SearchQuery query) throws ScimException {
    SpaceoneUsers.Page page = groups.list(translator.query(query.filter(), query.sorting(),
        (PageWindow.Offset) query.window()));
    return new SearchPage(views(page.users()), page.total());
  }

  /** The groups of a page of users, direct and through nesting: one call, and one more for nesting. */
  @Override
  public Map<String, ArrayNode> of(Collection<String> userIds) throws ScimException {
    Map<String, ArrayNode> byUser = new LinkedHashMap<>();
    for (Map.Entry<String, List<Map.Entry<String, String>>> user : groups.groupsOf(userIds).entrySet()) {
      ArrayNode values = byUser.computeIfAbsent(user.getKey(), id -> JSON.arrayNode());
      user.getValue().forEach(group -> values.addObject().put("value", group.getKey())
          .put("display", group.getValue()).put("type", "direct"));
    }
    for (ArrayNode values : byUser.values()) {
      Set<String> indirect = nesting.ancestorsOf(values.findValuesAsText("value"));
      groups.names(indirect).forEach((groupId, name) -> values.addObject().put("value", groupId)
          .put("display", name).put("type", "indirect"));
    }
    return byUser;
  }

  /** Groups with their local state and members' names: one call for all their users' names. */
  private List<StoredResource> views(List<ObjectNode> page) throws ScimException {
    List<String> ids = page.stream().map(group -> group.path("user_group_id").asText()).toList();
    Map<String, LocalRecord> held = local.getAll(RESOURCE_TYPE, ids);
    List<String> memberIds = new ArrayList<>();
    page.forEach(group -> group.path("users").forEach(user -> memberIds.add(user.asText())));
    Map<String, ObjectNode> names = users.named(memberIds.stream().distinct().toList());
    List<StoredResource> views = new ArrayList<>();
    for (ObjectNode group : page) {
      views.add(view(group, Optional.ofNullable(held.get(group.path("user_group_id").asText())), names));
    }
    return views;
  }

  private StoredResource view(ObjectNode group, Optional<LocalRecord> held, Map<String, ObjectNode> named)
      throws ScimException {
    ObjectNode scim = held.map(record -> record.attributes().deepCopy()).orElseGet(() -> {
      ObjectNode fresh = JSON.objectNode();
      fresh.putArray("schemas").add(GROUP_SCHEMA);
      return fresh;
    });
    List<String> nested = LocalGroupNesting.nestedIn(scim);
    scim.remove(List.of(LocalGroupNesting.NESTED_GROUPS, "members"));
    scim.put("displayName", group.path("name").asText());
    ArrayNode members = JSON.arrayNode();
    for (JsonNode userId : group.path("users")) {
      ObjectNode user = named.get(userId.asText());
      if (user != null) {
        String name = user.path("name").asText("");
        members.addObject().put("value", SpaceoneUserView.id(user))
            .put("display", name.isEmpty() ? userId.asText() : name).put("type", "User");
      }
    }
    groups.names(nested).forEach((groupId, name) -> members.addObject().put("value", groupId)
        .put("display", name).put("type", "Group"));
    if (!members.isEmpty()) {
      scim.set("members", members);
    }
    String version = ResourceVersions.ofContent(group,
        held.<JsonNode>map(LocalRecord::attributes).orElse(JSON.nullNode()), members);
    Instant created = created(group, held);
    return new StoredResource(group.path("user_group_id").asText(), scim, created,
        held.map(LocalRecord::lastModified).orElse(created), version);
  }

  private static Instant created(ObjectNode group, Optional<LocalRecord> held) {
    try {
      return Instant.parse(group.path("created_at").asText());
    } catch (DateTimeParseException e) {
      return held.map(LocalRecord::created).orElse(Instant.EPOCH);
    }
  }

  /** A group's members split by where they live: users in SpaceONE (by user_id), groups in local state. */
  private record Members(List<String> users, List<String> groups) {
  }

  /** Which ids are users and which are groups, checked before anything is written: two calls at most. */
  private Members resolve(List<String> ids) throws ScimException {
    List<String> distinct = ids.stream().distinct().toList();
    Map<String, SpaceoneUserIds.Key> keys = new LinkedHashMap<>();
    distinct.forEach(id -> SpaceoneUserIds.parse(id).ifPresent(key -> keys.put(id, key)));
    Map<String, ObjectNode> named = users.named(keys.values().stream().map(SpaceoneUserIds.Key::userId).toList());
    List<String> userIds = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String id : distinct) {
      SpaceoneUserIds.Key key = keys.get(id);
      ObjectNode user = key == null ? null : named.get(key.userId());
      if (user != null && SpaceoneUserIds.names(key, key.userId(), user.path("created_at").asText())) {
        userIds.add(key.userId());
      } else {
        rest.add(id);
      }
    }
    Set<String> groupIds = groups.names(rest).keySet();
    for (String id : rest) {
      if (!groupIds.contains(id)) {
        throw BadRequestException.invalidValue("The member " + id + " names no user or group.");
      }
    }
    return new Members(userIds, rest);
  }

  private static List<String> memberIds(JsonNode members) {
    List<String> ids = new ArrayList<>();
    if (members != null) {
      members.forEach(member -> ids.add(member.path("value").asText()));
    }
    return ids;
  }

  /** The user_ids of a group's user members as read. */
  private static List<String> userMembers(StoredResource group) {
    List<String> ids = new ArrayList<>();
    group.attributes().path("members").forEach(member -> {
      if (member.path("type").asText().equals("User")) {
        SpaceoneUserIds.parse(member.path("value").asText()).ifPresent(key -> ids.add(key.userId()));
      }
    });
    return ids;
  }

  private static String name(ObjectNode scim) throws BadRequestException {
    String name = scim.path("displayName").asText("").strip();
    if (name.isEmpty()) {
      throw BadRequestException.invalidValue("A SpaceONE user group needs a displayName, its name.");
    }
    return name;
  }

  private static ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("No group has the id " + id + ".");
  }

  @Override
  public FilterSupport filterSupport() {
    return translator;
  }

  @Override
  public boolean canSort(Path attribute) {
    return translator.sorts(attribute);
  }

  @Override
  public int maxPageSize() {
    return pageSize;
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == GroupMembership.class ? Optional.of(type.cast(this)) : Optional.empty();
  }
}
