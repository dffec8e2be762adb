package io.scimgateway.emulator.spaceone;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The v1 {@code role} list and get, and the {@code role-binding} verbs create, delete, get and list. A binding of
 * {@code resource_type} {@code identity.User} with no project is a domain role binding; one user holds a role at
 * most once per scope ({@code ERROR_DUPLICATE_ROLE_BOUND}). Callers hold the domain's lock.
 */
final class SpaceoneRolesApi {

  private static final Set<String> BINDING_FIELDS = Set.of("resource_type", "resource_id", "role_id", "project_id",
      "project_group_id", "labels", "tags");
  private static final List<String> BINDING_CONVENIENCES = List.of("role_binding_id", "resource_type", "resource_id",
      "role_id", "role_type", "project_id", "project_group_id");

  private final SpaceoneDomain domain;

  SpaceoneRolesApi(SpaceoneDomain domain) {
    this.domain = domain;
  }

  ObjectNode role(SpaceoneCall call) {
    return switch (call.verb()) {
      case "get" -> domain.role(call.required("role_id")).deepCopy();
      case "list" -> SpaceoneQuery.of(call, List.of("role_id", "name", "role_type"), List.of("role_id", "name"))
          .answer(List.copyOf(domain.roles.values()), "name", "role_id", List.of("role_id", "name", "role_type"));
      default -> throw SpaceoneError.noRoute("role/" + call.verb());
    };
  }

  ObjectNode roleBinding(SpaceoneCall call) {
    return switch (call.verb()) {
      case "create" -> create(call.allow(BINDING_FIELDS));
      case "delete" -> {
        String id = call.allow(Set.of("role_binding_id")).required("role_binding_id");
        if (domain.roleBindings.remove(id) == null) {
          throw SpaceoneError.notFound("role_binding_id", id);
        }
        yield JsonNodeFactory.instance.objectNode();
      }
      case "get" -> binding(call.required("role_binding_id")).deepCopy();
      case "list" -> SpaceoneQuery.of(call, BINDING_CONVENIENCES, List.of("role_binding_id", "resource_id"))
          .answer(List.copyOf(domain.roleBindings.values()), "created_at", "role_binding_id", List.of());
      default -> throw SpaceoneError.noRoute("role-binding/" + call.verb());
    };
  }

  private ObjectNode binding(String id) {
    ObjectNode binding = domain.roleBindings.get(id);
    if (binding == null) {
      throw SpaceoneError.notFound("role_binding_id", id);
    }
    return binding;
  }

  private ObjectNode create(SpaceoneCall call) {
    String resourceType = call.required("resource_type");
    String resourceId = call.required("resource_id");
    if (!resourceType.equals("identity.User")) {
      throw SpaceoneError.invalidParameter("resource_type", "only identity.User is emulated");
    }
    domain.user(resourceId);
    ObjectNode role = domain.role(call.required("role_id"));
    String project = call.optional("project_id");
    for (ObjectNode held : domain.roleBindings.values()) {
      if (held.path("resource_id").asText().equals(resourceId)
          && held.path("role_id").asText().equals(role.get("role_id").asText())
          && held.path("project_id").asText("").equals(project == null ? "" : project)) {
        throw SpaceoneError.invalid("ERROR_DUPLICATE_ROLE_BOUND",
            "Duplicate role bound. (role_id = " + role.get("role_id").asText() + ", resource_id = " + resourceId + ")");
      }
    }
    ObjectNode binding = JsonNodeFactory.instance.objectNode()
        .put("role_binding_id", domain.newId("rb"))
        .put("resource_type", resourceType).put("resource_id", resourceId);
    binding.set("role_info", role.deepCopy());
    binding.put("role_id", role.get("role_id").asText()).put("role_type", role.path("role_type").asText());
    binding.put("project_id", project == null ? "" : project).put("domain_id", domain.settings.domainId())
        .put("created_at", domain.now());
    domain.roleBindings.put(binding.get("role_binding_id").asText(), binding);
    return binding.deepCopy();
  }
}
