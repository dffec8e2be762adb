package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.ResourceVersions;
import io.scimgateway.kit.UnconfirmedCreates;
import io.scimgateway.spi.GroupMembership;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.sqlite.LocalRecord;
import io.scimgateway.sqlite.LocalState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM Groups on ZIdentity's {@code /groups}: {@code displayName} is the group's name, {@code members}
 * its users (added many at a time, removed one at a time, so that only the changed ones are touched);
 * everything else the client wrote is local state. ZIdentity groups hold users only. Thread-safe.
 */
final class ZidentityGroupStore extends ZidentityListedStore implements GroupMembership {

  static final String RESOURCE_TYPE = "Group";
  static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final int CREATE_ATTEMPTS = 3;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Clock clock;

  ZidentityGroupStore(ZidentityApi api, LocalState local, int pageSize, Clock clock) {
    super(api, local, RESOURCE_TYPE, "/groups", ZidentityFilter.groups(), pageSize);
    this.clock = clock;
  }

  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    ObjectNode scim = attributes.deepCopy();
    List<String> members = users(scim.remove("members"));
    String name = name(scim);
    ObjectNode group = UnconfirmedCreates.createOnce(
        () -> api.post("/groups", JSON.objectNode().put("name", name)).orElseThrow(
            () -> api.unreadable("an empty answer to a group create")),
        () -> byName(name), CREATE_ATTEMPTS);
    String id = group.path("id").asText();
    try {
      addUsers(id, members);
    } catch (ScimException e) {
      api.undo(path(id));
      throw e;
    }
    local.put(RESOURCE_TYPE, id, scim, clock.instant());
    return get(id).orElseThrow(() -> notFound(id));
  }

  private Optional<ObjectNode> byName(String name) throws ScimException {
    return api.page("/groups", List.of(Map.entry("name[like]", name)), 0, maxPageSize()).records()
        .stream().filter(group -> group.path("name").asText().equalsIgnoreCase(name)).findFirst();
  }

  @Override
  public StoredResource replace(ResourceChange change) throws ScimException {
    String id = change.id();
    ObjectNode group = api.find(path(id)).orElseThrow(() -> notFound(id));
    StoredResource current = view(group, local.get(RESOURCE_TYPE, id));
    requireVersion(current, change.before().version());
    ObjectNode scim = change.after().deepCopy();
    List<String> after = users(scim.remove("members"));
    String name = name(scim);
    if (!name.equals(group.path("name").asText())) {
      api.replace(path(id), group.deepCopy().put("name", name));
    }
    Set<String> before = new LinkedHashSet<>(current.attributes().path("members").findValuesAsText("value"));
    List<String> add = new ArrayList<>(after);
    add.removeAll(before);
    List<String> remove = new ArrayList<>(before);
    remove.removeAll(after);
    addUsers(id, add);
    removeUsers(id, remove);
    local.put(RESOURCE_TYPE, id, scim, clock.instant());
    return get(id).orElseThrow(() -> notFound(id));
  }

  @Override
  public StoredResource changeMembers(String groupId, Collection<String> add,
      Collection<String> remove, String expectedVersion) throws ScimException {
    requireVersion(get(groupId).orElseThrow(() -> notFound(groupId)), expectedVersion);
    List<String> users = new ArrayList<>(new LinkedHashSet<>(add));
    requireUsers(users);
    addUsers(groupId, users);
    removeUsers(groupId, new ArrayList<>(remove));
    local.get(RESOURCE_TYPE, groupId).ifPresent(record ->
        local.put(RESOURCE_TYPE, groupId, record.attributes(), clock.instant()));
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

  /** The member ids of a write, each checked to be a user before anything is written. */
  private List<String> users(JsonNode members) throws ScimException {
    List<String> ids = new ArrayList<>();
    if (members != null) {
      members.forEach(member -> ids.add(member.path("value").asText()));
    }
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    requireUsers(distinct);
    return distinct;
  }

  private void requireUsers(List<String> ids) throws ScimException {
    for (String id : ids) {
      if (api.find(ZidentityUserStore.userPath(id)).isPresent()) {
        continue;
      }
      if (api.find(path(id)).isPresent()) {
        throw BadRequestException.invalidValue("The member " + id + " is a group, and ZIdentity "
            + "groups hold users only; add the group's users instead.");
      }
      throw BadRequestException.invalidValue("The member " + id + " names no user.");
    }
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
