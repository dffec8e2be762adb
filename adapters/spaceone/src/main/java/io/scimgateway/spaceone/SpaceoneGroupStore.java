package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.CaseInsensitiveRegex;
import io.scimgateway.kit.UnconfirmedCreates;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.kit.remote.RemoteGroupStore;
import io.scimgateway.spi.StoredResource;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM Groups on SpaceONE's groups, v2 user groups or v1 projects ({@link SpaceoneGroups}):
 * {@code displayName} is the group's {@code name}, user members its users; groups nested in a group
 * are kept in local state by the base, as SpaceONE's groups hold users only. Members are SCIM user
 * ids ({@link SpaceoneUserIds}), checked many per call. Thread-safe.
 */
final class SpaceoneGroupStore extends RemoteGroupStore implements SpaceoneUserCollection.GroupsOf {

  private static final int CREATE_ATTEMPTS = 3;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final SpaceoneGroups groups;
  private final SpaceoneUsers users;

  SpaceoneGroupStore(SpaceoneGroups groups, SpaceoneUsers users, LocalState local, int pageSize,
      Clock clock) {
    super(local, new SpaceoneGroupCollection(groups, users, SpaceoneQueryTranslator.groups(groups.idField(),
        externalId -> local.idsWhere(RESOURCE_TYPE, "externalId", externalId)), pageSize), clock);
    this.groups = groups;
    this.users = users;
  }

  @Override
  protected String validName(String displayName) throws BadRequestException {
    return nameWithin(displayName.strip(), groups.nameMax(), "A SpaceONE " + groups.noun());
  }

  @Override
  protected String createEmpty(String name) throws ScimException {
    ObjectNode group = UnconfirmedCreates.createOnce(() -> groups.create(name), () -> byName(name),
        CREATE_ATTEMPTS, "SpaceONE already has a " + groups.noun() + " named " + name + ".");
    return idOf(group);
  }

  private Optional<ObjectNode> byName(String name) throws ScimException {
    ObjectNode query = JSON.objectNode();
    query.putArray("filter").addObject().put("k", "name")
        .put("v", "^" + CaseInsensitiveRegex.literal(name) + "$").put("o", "regex");
    return groups.list(query).users().stream().findFirst();
  }

  @Override
  protected void undo(String id) throws ScimException {
    groups.delete(id);
  }

  @Override
  protected void rename(ObjectNode record, String name) throws ScimException {
    groups.rename(idOf(record), name);
  }

  @Override
  protected List<Member> userMembers(ObjectNode record) {
    List<Member> members = new ArrayList<>();
    record.path(SpaceoneGroupCollection.MEMBERS).forEach(member ->
        members.add(new Member(member.path("value").asText(), member.path("display").asText(""))));
    return members;
  }

  @Override
  protected void addUsers(String groupId, List<String> userIds) throws ScimException {
    groups.changeUsers(groupId, platformIds(userIds), true);
  }

  @Override
  protected void removeUsers(String groupId, List<String> userIds) throws ScimException {
    groups.changeUsers(groupId, platformIds(userIds), false);
  }

  private static List<String> platformIds(List<String> ids) {
    List<String> userIds = new ArrayList<>();
    ids.forEach(id -> SpaceoneUserIds.parse(id).ifPresent(key -> userIds.add(key.userId())));
    return userIds;
  }

  /** Of these SCIM ids, those of users SpaceONE has (made when the id says): one call. */
  @Override
  protected Set<String> existingUsers(Collection<String> ids) throws ScimException {
    Map<String, SpaceoneUserIds.Key> keys = new LinkedHashMap<>();
    ids.forEach(id -> SpaceoneUserIds.parse(id).ifPresent(key -> keys.put(id, key)));
    Map<String, ObjectNode> named = users.named(keys.values().stream().map(SpaceoneUserIds.Key::userId)
        .distinct().toList());
    Set<String> existing = new LinkedHashSet<>();
    keys.forEach((id, key) -> {
      ObjectNode user = named.get(key.userId());
      if (user != null && SpaceoneUserIds.names(key, key.userId(), user.path("created_at").asText())) {
        existing.add(id);
      }
    });
    return existing;
  }

  @Override
  protected Map<String, String> groupNames(Collection<String> ids) throws ScimException {
    return groups.names(ids);
  }

  @Override
  protected JsonNode versionPart(ObjectNode record) {
    ObjectNode part = record.deepCopy();
    part.remove(SpaceoneGroupCollection.MEMBERS);
    return part;
  }

  /** {@code meta.created} is the group's {@code created_at}. */
  @Override
  protected StoredResource stored(ObjectNode record, ObjectNode scim, Optional<LocalRecord> held,
      String version) {
    Instant created;
    try {
      created = Instant.parse(record.path("created_at").asText());
    } catch (DateTimeParseException e) {
      created = held.map(LocalRecord::created).orElse(Instant.EPOCH);
    }
    return new StoredResource(idOf(record), scim, created,
        held.map(LocalRecord::lastModified).orElse(created), version);
  }

  /** The groups of some users, by user_id, direct and through nesting: one call, more only for nesting. */
  @Override
  public Map<String, ArrayNode> of(Collection<String> userIds) throws ScimException {
    Map<String, ArrayNode> byUser = new LinkedHashMap<>();
    for (Map.Entry<String, List<Map.Entry<String, String>>> user : groups.groupsOf(userIds).entrySet()) {
      ArrayNode values = JSON.arrayNode();
      user.getValue().forEach(group -> values.addObject().put("value", group.getKey())
          .put("display", group.getValue()).put("type", "direct"));
      byUser.put(user.getKey(), withIndirect(values));
    }
    return byUser;
  }
}
