package io.scimgateway.kit.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.MemberDiff;
import io.scimgateway.kit.ResourceVersions;
import io.scimgateway.kit.local.LocalGroupNesting;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.spi.GroupMembership;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.StoredResource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The skeleton of a group store on a platform whose groups hold users only: user members are the
 * platform's memberships, groups nested in a group are kept in local state
 * ({@link LocalGroupNesting}). It owns create, the replace and change-members flows, member
 * resolution (every id checked before anything is written), the member diff and the group's SCIM
 * view; an adapter supplies the platform calls below and its {@link PlatformCollection}.
 *
 * <p>Users' {@code groups} come from {@link #withIndirect}: a user store passes the user's direct
 * groups and gets those that hold them through nesting added.
 */
public abstract class RemoteGroupStore extends RemoteStore implements GroupMembership {

  public static final String RESOURCE_TYPE = "Group";
  private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final LocalGroupNesting nesting;

  protected RemoteGroupStore(LocalState local, PlatformCollection records, Clock clock) {
    super(local, RESOURCE_TYPE, records, clock);
    this.nesting = new LocalGroupNesting(local, RESOURCE_TYPE);
  }

  /** A user member as the platform lists it; {@code display} may be empty. */
  public record Member(String id, String display) {
  }

  /**
   * The platform's name for a group with this {@code displayName} (empty when it has none), or
   * {@code 400 invalidValue} saying what the platform accepts.
   */
  protected abstract String validName(String displayName) throws BadRequestException;

  /**
   * {@code name} when it is not blank and has at most {@code maxLength} characters; otherwise
   * {@code 400 invalidValue} telling the client what {@code what} (say "An Appwrite team") needs.
   */
  protected static String nameWithin(String name, int maxLength, String what)
      throws BadRequestException {
    if (name.isBlank() || name.length() > maxLength) {
      throw BadRequestException.invalidValue(what + " needs a displayName (its name)"
          + (maxLength == Integer.MAX_VALUE ? "" : " of 1 to " + maxLength + " characters") + ".");
    }
    return name;
  }

  /** The group's name in a platform record: its {@code name} unless the platform says otherwise. */
  protected String nameOf(ObjectNode record) {
    return record.path("name").asText();
  }

  /**
   * Creates an empty group on the platform, once even when answers are lost, and returns its id.
   * A group this create made and the caller then fails to complete is removed with {@link #undo}.
   */
  protected abstract String createEmpty(String name) throws ScimException;

  /** Removes a group {@link #createEmpty} made, so that the client's retry starts clean. */
  protected abstract void undo(String id) throws ScimException;

  /** Renames the group on the platform. */
  protected abstract void rename(ObjectNode record, String name) throws ScimException;

  /** The group's user members on the platform, all pages. */
  protected abstract List<Member> userMembers(ObjectNode record) throws ScimException;

  /** Adds users to the group; one already a member is left as it is. */
  protected abstract void addUsers(String groupId, List<String> userIds) throws ScimException;

  /** Removes users that are members of the group. */
  protected abstract void removeUsers(String groupId, List<String> userIds) throws ScimException;

  /** Of these ids, those that name users on the platform, checking many per call where it can. */
  protected abstract Set<String> existingUsers(Collection<String> ids) throws ScimException;

  /** Of these ids, the groups the platform has, with their names, in any order. */
  protected abstract Map<String, String> groupNames(Collection<String> ids) throws ScimException;

  /** The platform's part of the group's version: its update stamp, or the record itself. */
  protected abstract JsonNode versionPart(ObjectNode record);

  /** The group's times: the platform's where it keeps them, else local state's. */
  protected StoredResource stored(ObjectNode record, ObjectNode scim, Optional<LocalRecord> held,
      String version) {
    Instant created = held.map(LocalRecord::created).orElse(Instant.EPOCH);
    return new StoredResource(idOf(record), scim, created,
        held.map(LocalRecord::lastModified).orElse(created), version);
  }

  @Override
  public final StoredResource create(ObjectNode attributes) throws ScimException {
    ObjectNode scim = attributes.deepCopy();
    Members members = resolve(memberIds(scim.remove("members")));
    String id = createEmpty(validName(scim.path("displayName").asText("")));
    try {
      if (!members.users().isEmpty()) {
        addUsers(id, members.users());
      }
    } catch (ScimException e) {
      undo(id);
      throw e;
    }
    keep(id, LocalGroupNesting.withNested(scim, members.groups()));
    return stored(id);
  }

  @Override
  protected final ObjectNode write(Current current, ObjectNode after) throws ScimException {
    String id = idOf(current.record());
    Members members = resolve(memberIds(after.remove("members")));
    String name = validName(after.path("displayName").asText(""));
    if (!name.equals(nameOf(current.record()))) {
      rename(current.record(), name);
    }
    MemberDiff diff = MemberDiff.between(userIds(current.resource()), members.users());
    changeUsers(id, diff.add(), diff.remove());
    return LocalGroupNesting.withNested(after, members.groups());
  }

  /**
   * Adds and removes members without rewriting the group. A change that only adds, with no version
   * to check, does not read the group first: its members are checked, added, and the group read once
   * to answer, so adding 100 members costs the platform's calls for 100 adds and three more.
   */
  @Override
  public final StoredResource changeMembers(String groupId, Collection<String> add,
      Collection<String> remove, String expectedVersion) throws ScimException {
    return locked(groupId, () -> {
      Members added = resolve(new ArrayList<>(add));
      List<String> removed = List.of();
      // With no user to add, no platform call would notice a group that is not there.
      if (expectedVersion != null || !remove.isEmpty() || added.users().isEmpty()) {
        StoredResource current = current(groupId).resource();
        requireVersion(current, expectedVersion);
        removed = userIds(current).stream().filter(remove::contains).toList();
      }
      try {
        changeUsers(groupId, added.users(), removed);
      } catch (ScimException e) {
        current(groupId); // a group that is not there is the client's 404, not the platform's refusal
        throw e;
      }
      nesting.changeNested(groupId, added.groups(), remove, clock.instant());
      return stored(groupId);
    });
  }

  private void changeUsers(String groupId, List<String> add, List<String> remove)
      throws ScimException {
    if (!add.isEmpty()) {
      addUsers(groupId, add);
    }
    if (!remove.isEmpty()) {
      removeUsers(groupId, remove);
    }
  }

  /** Of these group ids, those the platform still has, with their names, in the order given. */
  public final Map<String, String> existingGroups(Collection<String> ids) throws ScimException {
    Map<String, String> names = ids.isEmpty() ? Map.of() : groupNames(ids);
    Map<String, String> ordered = new LinkedHashMap<>();
    ids.stream().filter(names::containsKey).forEach(id -> ordered.put(id, names.get(id)));
    return ordered;
  }

  /**
   * Adds to a user's direct {@code groups} (objects with {@code value}) the groups that hold them
   * through nesting, as {@code type: indirect}.
   */
  public final ArrayNode withIndirect(ArrayNode groups) throws ScimException {
    Set<String> indirect = nesting.ancestorsOf(groups.findValuesAsText("value"));
    existingGroups(indirect).forEach((groupId, name) -> groups.addObject()
        .put("value", groupId).put("display", name).put("type", "indirect"));
    return groups;
  }

  /**
   * A group's version covers its members, so they are read whenever meta is returned; the platform
   * calls for members are skipped only when neither is.
   */
  @Override
  protected final StoredResource view(ObjectNode record, Optional<LocalRecord> held,
      NeededAttributes needed) throws ScimException {
    ObjectNode scim = held.map(kept -> kept.attributes().deepCopy()).orElseGet(() -> {
      ObjectNode fresh = JSON.objectNode();
      fresh.putArray("schemas").add(GROUP_SCHEMA);
      return fresh;
    });
    List<String> nested = LocalGroupNesting.nestedIn(scim);
    scim.remove(LocalGroupNesting.NESTED_GROUPS);
    scim.put("displayName", nameOf(record));
    scim.remove("members");
    List<ObjectNode> members = new ArrayList<>();
    if (needed.includes("members") || needed.includes("meta")) {
      for (Member user : userMembers(record)) {
        members.add(member(user.id(), user.display(), "User"));
      }
      // A nested group deleted since is no longer a member, as with the embedded store.
      existingGroups(nested).forEach((groupId, name) -> members.add(member(groupId, name, "Group")));
    }
    if (!members.isEmpty()) {
      scim.putArray("members").addAll(members);
    }
    ArrayNode sorted = JSON.arrayNode();
    members.stream().sorted(Comparator.comparing(member -> member.path("value").asText()))
        .forEach(sorted::add);
    String version = ResourceVersions.ofContent(versionPart(record),
        held.<JsonNode>map(LocalRecord::attributes).orElse(JSON.nullNode()), sorted);
    return stored(record, scim, held, version);
  }

  private static ObjectNode member(String id, String display, String type) {
    ObjectNode member = JSON.objectNode().put("value", id);
    if (display != null && !display.isEmpty()) {
      member.put("display", display);
    }
    return member.put("type", type);
  }

  /** A group's members split by where they live: users on the platform, groups in local state. */
  private record Members(List<String> users, List<String> groups) {
  }

  /**
   * Which ids are users and which are groups, checked before anything is written so that an id that
   * names neither changes nothing.
   */
  private Members resolve(List<String> ids) throws ScimException {
    List<String> distinct = ids.stream().distinct().toList();
    Set<String> users = distinct.isEmpty() ? Set.of() : existingUsers(distinct);
    List<String> rest = distinct.stream().filter(id -> !users.contains(id)).toList();
    Set<String> groups = existingGroups(rest).keySet();
    for (String id : rest) {
      if (!groups.contains(id)) {
        throw BadRequestException.invalidValue("The member " + id + " names no user or group.");
      }
    }
    return new Members(distinct.stream().filter(users::contains).toList(), rest);
  }

  private static List<String> memberIds(JsonNode members) {
    List<String> ids = new ArrayList<>();
    if (members != null) {
      members.forEach(member -> ids.add(member.path("value").asText()));
    }
    return ids;
  }

  /** The user members of a group as read. */
  private static List<String> userIds(StoredResource group) {
    List<String> ids = new ArrayList<>();
    for (JsonNode member : group.attributes().path("members")) {
      if (member.path("type").asText().equals("User")) {
        ids.add(member.path("value").asText());
      }
    }
    return ids;
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == GroupMembership.class ? Optional.of(type.cast(this)) : Optional.empty();
  }
}
