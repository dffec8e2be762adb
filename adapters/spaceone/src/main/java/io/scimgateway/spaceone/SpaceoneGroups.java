package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a SCIM Group is on a SpaceONE deployment, as the group store calls it: v2 user groups
 * ({@link SpaceoneUserGroups}) or v1 projects ({@link SpaceoneProjects}). Each read below costs a
 * fixed number of calls whatever the number of groups or users it is asked about. Thread-safe.
 */
abstract class SpaceoneGroups {

  protected final SpaceoneApi api;
  private final String idField;
  private final String noun;
  private final int nameMax;

  /**
   * @param idField the record's id field, e.g. {@code user_group_id}
   * @param noun how a person calls one of these groups in SpaceONE, e.g. "user group"
   * @param nameMax the longest {@code name} SpaceONE stores
   */
  protected SpaceoneGroups(SpaceoneApi api, String idField, String noun, int nameMax) {
    this.api = api;
    this.idField = idField;
    this.noun = noun;
    this.nameMax = nameMax;
  }

  final String idField() {
    return idField;
  }

  final String noun() {
    return noun;
  }

  final int nameMax() {
    return nameMax;
  }

  abstract Optional<ObjectNode> get(String groupId) throws ScimException;

  /** One list call with this query. */
  abstract SpaceoneUsers.Page list(ObjectNode query) throws ScimException;

  /** Sent once: a create whose answer is lost is looked up by name before it is sent again. */
  abstract ObjectNode create(String name) throws ScimException;

  abstract void rename(String groupId, String name) throws ScimException;

  /** A group already gone (a retried delete) is no error. */
  abstract void delete(String groupId) throws ScimException;

  /** Adds or removes users; one already in (or already out) is left as it is. */
  abstract void changeUsers(String groupId, List<String> userIds, boolean add) throws ScimException;

  /** The user ids in each of these groups, by group id: at most one call. */
  abstract Map<String, List<String>> userIdsIn(List<ObjectNode> groups) throws ScimException;

  /** The groups each of these users is in, by user id, as {@code value}/{@code display} pairs. */
  abstract Map<String, List<Map.Entry<String, String>>> groupsOf(Collection<String> userIds) throws ScimException;

  /** Groups whose {@code key} is one of {@code values}: one call, every match. */
  final List<ObjectNode> where(String key, Collection<String> values) throws ScimException {
    if (values.isEmpty()) {
      return List.of();
    }
    ObjectNode query = api.json().createObjectNode();
    ArrayNode list = query.putArray("filter").addObject().put("k", key).put("o", "in").putArray("v");
    values.forEach(list::add);
    return list(query).users();
  }

  /** Of these ids, the groups SpaceONE has, with their names: one call. */
  final Map<String, String> names(Collection<String> groupIds) throws ScimException {
    Map<String, String> names = new LinkedHashMap<>();
    for (ObjectNode group : where(idField(), groupIds)) {
      names.put(group.path(idField()).asText(), group.path("name").asText(""));
    }
    return names;
  }
}
