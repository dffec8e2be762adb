package io.scimgateway.emulator.spaceone;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The v1 {@code project} verbs a gateway uses projects as groups with: create, update, delete, get, list, and the
 * members verbs add-member, modify-member, remove-member and list-members (a member is a user with a role of type
 * {@code PROJECT}). Callers hold the domain's lock.
 */
final class SpaceoneProjectsApi {

  private static final Set<String> FIELDS = Set.of("project_id", "name", "project_group_id", "tags");
  private static final Set<String> MEMBER_FIELDS = Set.of("project_id", "user_id", "role_id", "labels", "is_inherit");

  private final SpaceoneDomain domain;

  SpaceoneProjectsApi(SpaceoneDomain domain) {
    this.domain = domain;
  }

  ObjectNode handle(SpaceoneCall call) {
    return switch (call.verb()) {
      case "create" -> create(call.allow(FIELDS));
      case "update" -> update(call.allow(FIELDS));
      case "delete" -> {
        String id = call.allow(Set.of("project_id")).required("project_id");
        domain.project(id);
        domain.projects.remove(id);
        domain.members.remove(id);
        yield JsonNodeFactory.instance.objectNode();
      }
      case "get" -> domain.project(call.required("project_id")).deepCopy();
      case "list" -> SpaceoneQuery.of(call, List.of("project_id", "name", "project_group_id"),
              List.of("project_id", "name"))
          .answer(List.copyOf(domain.projects.values()), "name", "project_id", List.of("project_id", "name"));
      case "add-member", "modify-member" -> addMember(call.allow(MEMBER_FIELDS), call.verb().equals("add-member"));
      case "remove-member" -> {
        ObjectNode project = domain.project(call.allow(Set.of("project_id", "user_id")).required("project_id"));
        String userId = call.required("user_id");
        if (members(project).remove(userId) == null) {
          throw SpaceoneError.invalid("ERROR_NOT_FOUND_USER_IN_PROJECT",
              "The user is not a member of the project. (user_id = " + userId + ")");
        }
        yield JsonNodeFactory.instance.objectNode();
      }
      case "list-members" -> listMembers(call);
      default -> throw SpaceoneError.noRoute("project/" + call.verb());
    };
  }

  private ObjectNode create(SpaceoneCall call) {
    ObjectNode project = JsonNodeFactory.instance.objectNode().put("project_id", domain.newId("project"))
        .put("name", call.required("name"));
    SpaceoneUserRules.maxLength("name", project.get("name").asText(), 40);
    project.put("project_group_id", call.optional("project_group_id") == null ? ""
        : call.optional("project_group_id"));
    project.set("tags", call.has("tags") ? call.object("tags").deepCopy() : JsonNodeFactory.instance.objectNode());
    project.put("domain_id", domain.settings.domainId()).put("created_at", domain.now());
    domain.projects.put(project.get("project_id").asText(), project);
    return project.deepCopy();
  }

  private ObjectNode update(SpaceoneCall call) {
    ObjectNode project = domain.project(call.required("project_id"));
    if (call.has("name")) {
      SpaceoneUserRules.maxLength("name", call.optional("name"), 40);
      project.put("name", call.optional("name"));
    }
    if (call.has("tags")) {
      project.set("tags", call.object("tags").deepCopy());
    }
    return project.deepCopy();
  }

  private Map<String, ObjectNode> members(ObjectNode project) {
    return domain.members.computeIfAbsent(project.get("project_id").asText(), id -> new LinkedHashMap<>());
  }

  private ObjectNode addMember(SpaceoneCall call, boolean add) {
    ObjectNode project = domain.project(call.required("project_id"));
    ObjectNode user = domain.user(call.required("user_id"));
    ObjectNode role = domain.role(call.required("role_id"));
    if (!role.path("role_type").asText().equals("PROJECT")) {
      throw SpaceoneError.invalid("ERROR_ONLY_ALLOWED_PROJECT_TYPE",
          "Only project role type can be used. (role_id = " + role.get("role_id").asText() + ")");
    }
    Map<String, ObjectNode> members = members(project);
    String userId = user.get("user_id").asText();
    if (add && members.containsKey(userId)) {
      throw SpaceoneError.invalid("ERROR_USER_ALREADY_EXISTS_IN_PROJECT",
          "The user is already a member of the project. (user_id = " + userId + ")");
    }
    if (!add && !members.containsKey(userId)) {
      throw SpaceoneError.invalid("ERROR_NOT_FOUND_USER_IN_PROJECT",
          "The user is not a member of the project. (user_id = " + userId + ")");
    }
    ObjectNode member = JsonNodeFactory.instance.objectNode();
    member.set("project_info", project.deepCopy());
    member.set("user_info", user.deepCopy());
    member.set("role_info", role.deepCopy());
    member.set("labels", call.body().has("labels") ? call.body().get("labels").deepCopy()
        : JsonNodeFactory.instance.arrayNode());
    members.put(userId, member);
    return member.deepCopy();
  }

  private ObjectNode listMembers(SpaceoneCall call) {
    ObjectNode project = domain.project(call.required("project_id"));
    List<ObjectNode> rows = new ArrayList<>();
    members(project).forEach((userId, member) -> {
      ObjectNode row = member.deepCopy();
      row.set("user_info", domain.users.get(userId).deepCopy());
      row.put("user_id", userId).put("role_id", member.path("role_info").path("role_id").asText());
      rows.add(row);
    });
    ObjectNode answer = SpaceoneQuery.of(call, List.of("user_id", "role_id"), List.of("user_id"))
        .answer(rows, "user_id", "user_id", List.of());
    answer.withArray("results").forEach(row -> ((ObjectNode) row).remove(List.of("user_id", "role_id")));
    return answer;
  }
}
