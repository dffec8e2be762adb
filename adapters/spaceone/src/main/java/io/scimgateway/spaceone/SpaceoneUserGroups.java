package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SpaceONE v2 user groups ({@code <userGroupPrefix>/user-group/<verb>}): a group's users are a list in
 * its record, added and removed many at a time; which groups hold some users is one list call
 * filtered on {@code users}. Thread-safe.
 */
final class SpaceoneUserGroups extends SpaceoneGroups {

  private final String prefix;

  SpaceoneUserGroups(SpaceoneApi api, String userGroupPrefix) {
    super(api, "user_group_id", "user group", 255);
    this.prefix = userGroupPrefix + "/user-group/";
  }

  @Override
  Optional<ObjectNode> get(String groupId) throws ScimException {
    return api.find(prefix + "get", api.body().put("user_group_id", groupId));
  }

  @Override
  SpaceoneUsers.Page list(ObjectNode query) throws ScimException {
    ObjectNode body = api.body();
    body.set("query", query);
    return api.page(prefix + "list", body);
  }

  /** No call: a user group's record lists its users. */
  @Override
  Map<String, List<String>> userIdsIn(List<ObjectNode> groups) {
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (ObjectNode group : groups) {
      List<String> userIds = new ArrayList<>();
      group.path("users").forEach(user -> userIds.add(user.asText()));
      members.put(group.path("user_group_id").asText(), userIds);
    }
    return members;
  }

  /** One call. */
  @Override
  Map<String, List<Map.Entry<String, String>>> groupsOf(Collection<String> userIds) throws ScimException {
    Map<String, List<Map.Entry<String, String>>> groups = new LinkedHashMap<>();
    for (ObjectNode group : where("users", userIds)) {
      for (JsonNode user : group.path("users")) {
        if (userIds.contains(user.asText())) {
          groups.computeIfAbsent(user.asText(), id -> new ArrayList<>()).add(
              Map.entry(group.path("user_group_id").asText(), group.path("name").asText("")));
        }
      }
    }
    return groups;
  }

  @Override
  ObjectNode create(String name) throws ScimException {
    return api.call(prefix + "create", api.body().put("name", name), false);
  }

  @Override
  void rename(String groupId, String name) throws ScimException {
    api.call(prefix + "update", api.body().put("user_group_id", groupId).put("name", name), true);
  }

  @Override
  void delete(String groupId) throws ScimException {
    api.delete(prefix + "delete", api.body().put("user_group_id", groupId));
  }

  /** {@code add-users} or {@code remove-users}, many in one call; repeating either changes nothing more. */
  @Override
  void changeUsers(String groupId, List<String> userIds, boolean add) throws ScimException {
    if (userIds.isEmpty()) {
      return;
    }
    ObjectNode body = api.body().put("user_group_id", groupId);
    ArrayNode users = body.putArray("users");
    userIds.forEach(users::add);
    api.call(prefix + (add ? "add-users" : "remove-users"), body, true);
  }
}
