package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.UnconfirmedCreates;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.kit.remote.RemoteGroupStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM Groups on ZIdentity's {@code /groups}: {@code displayName} is the group's name, {@code members}
 * its users (added many at a time, removed one at a time, so that only the changed ones are touched);
 * everything else the client wrote is local state, including the groups nested in it, since ZIdentity
 * groups hold users only. Thread-safe.
 */
final class ZidentityGroupStore extends RemoteGroupStore {

  private static final int CREATE_ATTEMPTS = 3;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ZidentityApi api;
  private final ZidentityListing listing;
  private final ZidentityUserIds userIds;

  ZidentityGroupStore(ZidentityApi api, LocalState local, int pageSize, Clock clock) {
    this(api, local, new ZidentityListing(api, "/groups", ZidentityFilter.groups(), pageSize),
        new ZidentityUserIds(api, pageSize), clock);
  }

  private ZidentityGroupStore(ZidentityApi api, LocalState local, ZidentityListing listing,
      ZidentityUserIds userIds, Clock clock) {
    super(local, listing, clock);
    this.api = api;
    this.listing = listing;
    this.userIds = userIds;
  }

  @Override
  protected String validName(String name) throws BadRequestException {
    return nameWithin(name, Integer.MAX_VALUE, "A ZIdentity group");
  }

  @Override
  protected String createEmpty(String name) throws ScimException {
    ObjectNode group = UnconfirmedCreates.createOnce(
        () -> api.post("/groups", JSON.objectNode().put("name", name)).orElseThrow(
            () -> api.unreadable("an empty answer to a group create")),
        () -> byName(name), CREATE_ATTEMPTS,
        "ZIdentity already has a group named " + name + ".");
    return idOf(group);
  }

  private Optional<ObjectNode> byName(String name) throws ScimException {
    return api.page("/groups", List.of(Map.entry("name[like]", name)), 0, maxPageSize()).records()
        .stream().filter(group -> group.path("name").asText().equalsIgnoreCase(name)).findFirst();
  }

  @Override
  protected void undo(String id) throws ScimException {
    api.undo(listing.path(id));
  }

  @Override
  protected void rename(ObjectNode group, String name) throws ScimException {
    api.replace(listing.path(idOf(group)), group.deepCopy().put("name", name));
  }

  @Override
  protected List<Member> userMembers(ObjectNode group) throws ScimException {
    List<Member> members = new ArrayList<>();
    for (ObjectNode user : api.all(listing.path(idOf(group)) + "/users")) {
      members.add(new Member(user.path("id").asText(),
          user.path("displayName").asText(user.path("loginName").asText(""))));
    }
    return members;
  }

  /** Adds many users in one call; adding a member twice (a retried call) changes nothing. */
  @Override
  protected void addUsers(String groupId, List<String> userIds) throws ScimException {
    ArrayNode body = JSON.arrayNode();
    userIds.forEach(userId -> body.addObject().put("id", userId));
    api.repeatable("POST", listing.path(groupId) + "/users", body);
  }

  @Override
  protected void removeUsers(String groupId, List<String> userIds) throws ScimException {
    for (String userId : userIds) {
      api.delete(listing.path(groupId) + "/users/" + ZidentityApi.segment(userId));
    }
  }

  @Override
  protected Set<String> existingUsers(Collection<String> ids) throws ScimException {
    return userIds.existing(ids);
  }

  @Override
  protected Map<String, String> groupNames(Collection<String> ids) throws ScimException {
    Map<String, String> names = new LinkedHashMap<>();
    for (String id : ids) {
      api.find(listing.path(id)).ifPresent(group -> names.put(id, nameOf(group)));
    }
    return names;
  }

  @Override
  protected JsonNode versionPart(ObjectNode group) {
    return group;
  }
}
