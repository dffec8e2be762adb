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
 * The identity v1 user verbs the stores call, under the configured prefix: one call each, reads and
 * updates to a value repeatable, creates and resets not. Thread-safe.
 */
final class SpaceoneUsers {

  /** One page of a list: its users and how many match in all. */
  record Page(List<ObjectNode> users, long total) {
  }

  private final SpaceoneApi api;
  private final String prefix;

  SpaceoneUsers(SpaceoneApi api, String prefix) {
    this.api = api;
    this.prefix = prefix + "/user/";
  }

  SpaceoneApi api() {
    return api;
  }

  Optional<ObjectNode> get(String userId) throws ScimException {
    return api.find(prefix + "get", withUser(userId));
  }

  Page list(ObjectNode query) throws ScimException {
    ObjectNode body = api.body();
    body.set("query", query);
    return api.page(prefix + "list", body);
  }

  /** Of these user ids, those SpaceONE has, with their names and creation times: one call. */
  Map<String, ObjectNode> named(Collection<String> userIds) throws ScimException {
    Map<String, ObjectNode> names = new LinkedHashMap<>();
    if (userIds.isEmpty()) {
      return names;
    }
    ObjectNode query = api.json().createObjectNode();
    ObjectNode in = query.putArray("filter").addObject().put("k", "user_id").put("o", "in");
    ArrayNode ids = in.putArray("v");
    userIds.forEach(ids::add);
    query.putArray("only").add("user_id").add("name").add("created_at");
    for (ObjectNode user : list(query).users()) {
      names.put(user.path("user_id").asText(), user);
    }
    return names;
  }

  /** Sent once: a create whose answer is lost is looked up by its user_id, never sent blindly again. */
  ObjectNode create(ObjectNode fields) throws ScimException {
    return api.call(prefix + "create", withDomain(fields), false);
  }

  ObjectNode update(String userId, ObjectNode fields) throws ScimException {
    return api.call(prefix + "update", withDomain(fields).put("user_id", userId), true);
  }

  /** An update the caller inspects, for codes it acts on (a password that did not change). */
  SpaceoneAnswer tryUpdate(String userId, ObjectNode fields) throws ScimException {
    return api.attempt(prefix + "update", withDomain(fields).put("user_id", userId), true);
  }

  /** {@code enable} or {@code disable}: idempotent, as SpaceONE sets the state either way. */
  ObjectNode setEnabled(String userId, boolean enabled) throws ScimException {
    return api.call(prefix + (enabled ? "enable" : "disable"), withUser(userId), true);
  }

  /** A hard delete; a user already gone (a retried delete) is no error. */
  void delete(String userId) throws ScimException {
    api.delete(prefix + "delete", withUser(userId));
  }

  /** A user verb whose answer the caller inspects, e.g. {@code set-required-actions}. */
  SpaceoneAnswer act(String verb, ObjectNode fields, boolean repeatable) throws ScimException {
    return api.attempt(prefix + verb, withDomain(fields), repeatable);
  }

  ObjectNode withUser(String userId) {
    return api.body().put("user_id", userId);
  }

  private ObjectNode withDomain(ObjectNode fields) {
    ObjectNode body = api.body();
    body.setAll(fields);
    return body;
  }
}
