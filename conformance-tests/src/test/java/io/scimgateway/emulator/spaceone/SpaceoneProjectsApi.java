package io.scimgateway.emulator.spaceone;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The v1 {@code project} verbs a gateway uses projects as groups with: create (in a project group), update, delete,
 * get, list, and the members verbs add-member, modify-member, remove-member and list-members. A member is a role
 * binding of the user with a role of type {@code PROJECT} and the project's id, so {@code role-binding/list} finds
 * members too. Callers hold the domain's lock.
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
        domain.roleBindings.values().removeIf(binding -> binding.path("project_id").asText().equals(id));
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
        ObjectNode member = member(project, userId).orElseThrow(() -> notMember(userId));
        domain.roleBindings.remove(member.get("role_binding_id").asText());
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
    project.put("project_group_id", call.required("project_group_id"));
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

  private Optional<ObjectNode> member(ObjectNode project, String userId) {
    String projectId = project.get("project_id").asText();
    return domain.roleBindings.values().stream()
        .filter(binding -> binding.path("project_id").asText().equals(projectId)
            && binding.path("resource_id").asText().equals(userId))
        .findFirst();
  }

  private static SpaceoneError notMember(String userId) {
    return SpaceoneError.invalid("ERROR_NOT_FOUND_USER_IN_PROJECT",
        "The user is not a member of the project. (user_id = " + userId + ")");
  }

  private ObjectNode addMember(SpaceoneCall call, boolean add) {
    ObjectNode project = domain.project(call.required("project_id"));
    ObjectNode user = domain.user(call.required("user_id"));
    ObjectNode role = domain.role(call.required("role_id"));
    if (!role.path("role_type").asText().equals("PROJECT")) {
      throw SpaceoneError.invalid("ERROR_ONLY_ALLOWED_PROJECT_TYPE",
          "Only project role type can be used. (role_id = " + role.get("role_id").asText() + ")");
    }
    String userId = user.get("user_id").asText();
    Optional<ObjectNode> held = member(project, userId);
    if (add && held.isPresent()) {
      throw SpaceoneError.invalid("ERROR_USER_ALREADY_EXISTS_IN_PROJECT",
          "The user is already a member of the project. (user_id = " + userId + ")");
    }
    if (!add && held.isEmpty()) {
      throw notMember(userId);
    }
    ObjectNode binding = held.orElseGet(() -> JsonNodeFactory.instance.objectNode()
        .put("role_binding_id", domain.newId("rb")).put("resource_type", "identity.User").put("resource_id", userId));
    binding.set("role_info", role.deepCopy());
    binding.put("role_id", role.get("role_id").asText()).put("role_type", "PROJECT")
        .put("project_id", project.get("project_id").asText());
    binding.set("labels", call.body().has("labels") ? call.body().get("labels").deepCopy()
        : JsonNodeFactory.instance.arrayNode());
    binding.put("domain_id", domain.settings.domainId());
    if (!binding.has("created_at")) {
      binding.put("created_at", domain.now());
    }
    domain.roleBindings.put(binding.get("role_binding_id").asText(), binding);
    return withInfo(binding);
  }

  /** A binding as the members verbs render it, with the project and the user it joins. */
  private ObjectNode withInfo(ObjectNode binding) {
    ObjectNode member = binding.deepCopy();
    member.set("project_info", domain.project(binding.get("project_id").asText()).deepCopy());
    member.set("user_info", domain.user(binding.get("resource_id").asText()).deepCopy());
    return member;
  }

  private ObjectNode listMembers(SpaceoneCall call) {
    ObjectNode project = domain.project(call.required("project_id"));
    String projectId = project.get("project_id").asText();
    List<ObjectNode> rows = new ArrayList<>();
    domain.roleBindings.values().stream().filter(binding -> binding.path("project_id").asText().equals(projectId))
        .forEach(binding -> rows.add(withInfo(binding).put("user_id", binding.get("resource_id").asText())));
    ObjectNode answer = SpaceoneQuery.of(call, List.of("user_id", "role_id"), List.of("user_id"))
        .answer(rows, "user_id", "user_id", List.of());
    answer.withArray("results").forEach(row -> ((ObjectNode) row).remove("user_id"));
    return answer;
  }
}
