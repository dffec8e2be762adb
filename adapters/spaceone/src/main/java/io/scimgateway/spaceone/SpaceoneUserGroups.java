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
final class SpaceoneUserGroups {

  private final SpaceoneApi api;
  private final String prefix;

  SpaceoneUserGroups(SpaceoneApi api, String userGroupPrefix) {
    this.api = api;
    this.prefix = userGroupPrefix + "/user-group/";
  }

  Optional<ObjectNode> get(String groupId) throws ScimException {
    SpaceoneAnswer answer = api.attempt(prefix + "get", api.body().put("user_group_id", groupId), true);
    return answer.is(SpaceoneRefusals.NOT_FOUND) ? Optional.empty() : Optional.of(answer.orThrow());
  }

  SpaceoneUsers.Page list(ObjectNode query) throws ScimException {
    ObjectNode body = api.body();
    body.set("query", query);
    ObjectNode answer = api.call(prefix + "list", body, true);
    List<ObjectNode> groups = new ArrayList<>();
    answer.path("results").forEach(group -> groups.add((ObjectNode) group));
    return new SpaceoneUsers.Page(groups, answer.path("total_count").asLong(groups.size()));
  }

  /** Groups whose {@code key} is one of {@code values}: one call, every match. */
  List<ObjectNode> where(String key, Collection<String> values) throws ScimException {
    if (values.isEmpty()) {
      return List.of();
    }
    ObjectNode query = api.json().createObjectNode();
    ObjectNode in = query.putArray("filter").addObject().put("k", key).put("o", "in");
    ArrayNode list = in.putArray("v");
    values.forEach(list::add);
    return list(query).users();
  }

  /** Of these ids, the groups SpaceONE has, with their names: one call. */
  Map<String, String> names(Collection<String> groupIds) throws ScimException {
    Map<String, String> names = new LinkedHashMap<>();
    for (ObjectNode group : where("user_group_id", groupIds)) {
      names.put(group.path("user_group_id").asText(), group.path("name").asText(""));
    }
    return names;
  }

  /** The groups each of these users is in, by user id, as {@code value}/{@code display} pairs: one call. */
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

  /** Sent once: a create whose answer is lost is looked up by name before it is sent again. */
  ObjectNode create(String name) throws ScimException {
    return api.call(prefix + "create", api.body().put("name", name), false);
  }

  void rename(String groupId, String name) throws ScimException {
    api.call(prefix + "update", api.body().put("user_group_id", groupId).put("name", name), true);
  }

  void delete(String groupId) throws ScimException {
    SpaceoneAnswer answer = api.attempt(prefix + "delete", api.body().put("user_group_id", groupId), true);
    if (!answer.is(SpaceoneRefusals.NOT_FOUND)) {
      answer.orThrow();
    }
  }

  /** {@code add-users} or {@code remove-users}, many in one call; repeating either changes nothing more. */
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
