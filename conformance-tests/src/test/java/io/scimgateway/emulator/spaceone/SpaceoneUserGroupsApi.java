package io.scimgateway.emulator.spaceone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The v2 {@code user-group} verbs: create, update, delete, add-users, remove-users, get and list. A group belongs to
 * the configured workspace; {@code add-users} refuses users the domain does not have and ignores ones already in.
 * Callers hold the domain's lock.
 */
final class SpaceoneUserGroupsApi {

  private static final Set<String> FIELDS = Set.of("user_group_id", "name", "description", "tags", "workspace_id");
  private static final int NAME_MAX = 255;

  private final SpaceoneDomain domain;

  SpaceoneUserGroupsApi(SpaceoneDomain domain) {
    this.domain = domain;
  }

  ObjectNode handle(SpaceoneCall call) {
    return switch (call.verb()) {
      case "create" -> create(call.allow(FIELDS));
      case "update" -> update(call.allow(FIELDS));
      case "delete" -> {
        domain.userGroup(call.allow(Set.of("user_group_id", "workspace_id")).required("user_group_id"));
        domain.userGroups.remove(call.required("user_group_id"));
        yield JsonNodeFactory.instance.objectNode();
      }
      case "add-users" -> members(call, true);
      case "remove-users" -> members(call, false);
      case "get" -> domain.userGroup(call.allow(Set.of("user_group_id", "workspace_id")).required("user_group_id"))
          .deepCopy();
      case "list" -> SpaceoneQuery.of(call, List.of("user_group_id", "name", "user_id", "workspace_id"),
              List.of("user_group_id", "name"))
          .answer(List.copyOf(domain.userGroups.values()), "name", "user_group_id", List.of("user_group_id", "name"));
      default -> throw SpaceoneError.noRoute("user-group/" + call.verb());
    };
  }

  private ObjectNode create(SpaceoneCall call) {
    ObjectNode group = JsonNodeFactory.instance.objectNode()
        .put("user_group_id", domain.newId("ug"))
        .put("name", name(call.required("name")))
        .put("description", call.optional("description") == null ? "" : call.optional("description"));
    group.putArray("users");
    group.set("tags", call.has("tags") ? call.object("tags").deepCopy() : JsonNodeFactory.instance.objectNode());
    group.put("domain_id", domain.settings.domainId()).put("workspace_id", domain.settings.workspaceId())
        .put("created_at", domain.now());
    domain.userGroups.put(group.get("user_group_id").asText(), group);
    return group.deepCopy();
  }

  private static String name(String name) {
    SpaceoneUserRules.maxLength("name", name, NAME_MAX);
    return name;
  }

  private ObjectNode update(SpaceoneCall call) {
    ObjectNode group = domain.userGroup(call.required("user_group_id"));
    if (call.has("name")) {
      group.put("name", name(call.optional("name")));
    }
    if (call.has("description")) {
      group.put("description", call.optional("description"));
    }
    if (call.has("tags")) {
      group.set("tags", call.object("tags").deepCopy());
    }
    return group.deepCopy();
  }

  private ObjectNode members(SpaceoneCall call, boolean add) {
    ObjectNode group = domain.userGroup(call.allow(Set.of("user_group_id", "users", "workspace_id"))
        .required("user_group_id"));
    List<String> users = call.strings("users");
    if (users.isEmpty()) {
      throw SpaceoneError.required("users");
    }
    users.forEach(domain::user);
    ArrayNode held = group.withArray("users");
    for (String userId : users) {
      int index = indexOf(held, userId);
      if (add && index < 0) {
        held.add(userId);
      } else if (!add && index >= 0) {
        held.remove(index);
      }
    }
    return group.deepCopy();
  }

  private static int indexOf(ArrayNode users, String userId) {
    for (int i = 0; i < users.size(); i++) {
      if (users.get(i).asText().equals(userId)) {
        return i;
      }
    }
    return -1;
  }
}
