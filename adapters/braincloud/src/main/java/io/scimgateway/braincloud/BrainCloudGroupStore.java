package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.kit.remote.RemoteGroupStore;
import io.scimgateway.spi.StoredResource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM Groups on brainCloud groups of one type, on the kit's remote group store. Groups are created with the
 * configured owner profile (brainCloud requires an owner; it is not a SCIM member); users are brainCloud members,
 * groups nested in groups live in local state. Member changes of one write go in one packet. Thread-safe.
 */
final class BrainCloudGroupStore extends RemoteGroupStore {

  private final S2sClient client;
  private final GroupCollection groups;
  private final UserReads users;
  private final BrainCloudSettings.Groups settings;

  BrainCloudGroupStore(S2sClient client, LocalState local, UserReads users, BrainCloudSettings settings,
      Clock clock) {
    this(client, local, new GroupCollection(client, settings), users, settings, clock);
  }

  private BrainCloudGroupStore(S2sClient client, LocalState local, GroupCollection groups, UserReads users,
      BrainCloudSettings settings, Clock clock) {
    super(local, groups, clock);
    this.client = client;
    this.groups = groups;
    this.users = users;
    this.settings = settings.groups();
  }

  @Override
  protected String validName(String displayName) throws BadRequestException {
    return nameWithin(displayName, Integer.MAX_VALUE, "A brainCloud group");
  }

  /** A lost answer is resent with the same packet id, so the group is made once. */
  @Override
  protected String createEmpty(String name) throws ScimException {
    return client.call(GroupCalls.create(settings, name)).path("groupId").asText();
  }

  @Override
  protected void undo(String id) throws ScimException {
    groups.delete(id);
  }

  @Override
  protected void rename(ObjectNode record, String name) throws ScimException {
    client.call(GroupCalls.rename(idOf(record), name));
  }

  /** The members but the owner, with their player names, from the record. */
  @Override
  protected List<Member> userMembers(ObjectNode record) {
    List<Member> members = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = record.path("members").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      if (!member.getKey().equals(record.path("ownerId").asText())) {
        members.add(new Member(member.getKey(), member.getValue().path("playerName").asText("")));
      }
    }
    return members;
  }

  @Override
  protected void addUsers(String groupId, List<String> userIds) throws ScimException {
    client.callAll(userIds.stream().map(user -> GroupCalls.add(groupId, user)).toList());
  }

  @Override
  protected void removeUsers(String groupId, List<String> userIds) throws ScimException {
    client.callAll(userIds.stream().map(user -> GroupCalls.remove(groupId, user)).toList());
  }

  @Override
  protected Set<String> existingUsers(Collection<String> ids) throws ScimException {
    Set<String> found = new HashSet<>();
    users.byIds(new ArrayList<>(ids)).forEach(user -> found.add(user.profileId()));
    return found;
  }

  @Override
  protected Map<String, String> groupNames(Collection<String> ids) throws ScimException {
    Map<String, String> names = new HashMap<>();
    groups.byIds(new ArrayList<>(ids)).forEach(group -> names.put(idOf(group), group.path("name").asText()));
    return names;
  }

  @Override
  protected JsonNode versionPart(ObjectNode record) {
    return JsonNodeFactory.instance.arrayNode().add(record.path("version")).add(record.path("updatedAt"));
  }

  /** brainCloud's times, the later of its update and the last local write. */
  @Override
  protected StoredResource stored(ObjectNode record, ObjectNode scim, Optional<LocalRecord> held, String version) {
    Instant created = Instant.ofEpochMilli(record.path("createdAt").asLong(0));
    Instant updated = Instant.ofEpochMilli(record.path("updatedAt").asLong(0));
    Instant modified = held.map(LocalRecord::lastModified).filter(updated::isBefore).orElse(updated);
    return new StoredResource(idOf(record), scim, created, modified, version);
  }
}
