package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SpaceONE v1 projects as groups ({@code <prefix>/project/<verb>}), those of one project group: a
 * member is a user bound to the project with a role, added with the configured PROJECT role one
 * {@code add-member} at a time (v1 has no batch). Who is in which project is read from role
 * bindings, one {@code role-binding/list} call for a whole page of projects or users. Thread-safe.
 */
final class SpaceoneProjects extends SpaceoneGroups {

  static final String ALREADY_MEMBER = "ERROR_USER_ALREADY_EXISTS_IN_PROJECT";
  static final String NOT_MEMBER = "ERROR_NOT_FOUND_USER_IN_PROJECT";
  static final String NOT_PROJECT_ROLE = "ERROR_ONLY_ALLOWED_PROJECT_TYPE";

  private final String projects;
  private final String roleBindings;
  private final String rolePrefix;
  private final String projectGroupId;
  private final String roleId;

  /**
   * @param projectGroupId the project group whose projects are the SCIM Groups, where new ones are made
   * @param roleId the PROJECT role a member added through SCIM gets
   */
  SpaceoneProjects(SpaceoneApi api, String prefix, String projectGroupId, String roleId) {
    super(api, "project_id", "project", 40);
    this.projects = prefix + "/project/";
    this.roleBindings = prefix + "/role-binding/list";
    this.rolePrefix = prefix + "/role/";
    this.projectGroupId = projectGroupId;
    this.roleId = roleId;
  }

  /** A project of another project group is not one of these groups. */
  @Override
  Optional<ObjectNode> get(String groupId) throws ScimException {
    return api.find(projects + "get", withProject(groupId))
        .filter(project -> projectGroupId.equals(project.path("project_group_id").asText()));
  }

  @Override
  SpaceoneUsers.Page list(ObjectNode query) throws ScimException {
    ObjectNode body = api.body().put("project_group_id", projectGroupId);
    body.set("query", query);
    return api.page(projects + "list", body);
  }

  /** One call: the user bindings of all these projects. */
  @Override
  Map<String, List<String>> userIdsIn(List<ObjectNode> groups) throws ScimException {
    Map<String, List<String>> members = new LinkedHashMap<>();
    groups.forEach(group -> members.put(group.path("project_id").asText(), new ArrayList<>()));
    for (JsonNode binding : bindings("project_id", members.keySet())) {
      List<String> userIds = members.get(binding.path("project_id").asText());
      if (userIds != null && !userIds.contains(binding.path("resource_id").asText())) {
        userIds.add(binding.path("resource_id").asText());
      }
    }
    return members;
  }

  /** Two calls: the users' bindings, then the names of the projects they are in. */
  @Override
  Map<String, List<Map.Entry<String, String>>> groupsOf(Collection<String> userIds) throws ScimException {
    Map<String, Set<String>> projectsOf = new LinkedHashMap<>();
    for (JsonNode binding : bindings("resource_id", userIds)) {
      String projectId = binding.path("project_id").asText("");
      if (!projectId.isEmpty()) { // one without a project is a domain role, not a membership
        projectsOf.computeIfAbsent(binding.path("resource_id").asText(), id -> new LinkedHashSet<>())
            .add(projectId);
      }
    }
    Map<String, String> names = names(projectsOf.values().stream().flatMap(Set::stream).distinct().toList());
    Map<String, List<Map.Entry<String, String>>> groups = new LinkedHashMap<>();
    projectsOf.forEach((userId, projectIds) -> projectIds.stream().filter(names::containsKey)
        .forEach(projectId -> groups.computeIfAbsent(userId, id -> new ArrayList<>())
            .add(Map.entry(projectId, names.get(projectId)))));
    return groups;
  }

  /** The role bindings of users whose {@code key} is one of {@code values}: one call. */
  private JsonNode bindings(String key, Collection<String> values) throws ScimException {
    if (values.isEmpty()) {
      return api.json().createArrayNode();
    }
    ObjectNode body = api.body().put("resource_type", "identity.User");
    ArrayNode list = body.putObject("query").putArray("filter").addObject().put("k", key).put("o", "in")
        .putArray("v");
    values.forEach(list::add);
    return api.call(roleBindings, body, true).path("results");
  }

  @Override
  ObjectNode create(String name) throws ScimException {
    return api.call(projects + "create", api.body().put("name", name).put("project_group_id", projectGroupId),
        false);
  }

  @Override
  void rename(String groupId, String name) throws ScimException {
    api.call(projects + "update", withProject(groupId).put("name", name), true);
  }

  @Override
  void delete(String groupId) throws ScimException {
    api.delete(projects + "delete", withProject(groupId));
  }

  /**
   * One {@code add-member} or {@code remove-member} per user. Each may be sent again after a lost
   * answer: a user already in (or already out) is what was asked for.
   */
  @Override
  void changeUsers(String groupId, List<String> userIds, boolean add) throws ScimException {
    for (String userId : userIds) {
      ObjectNode body = withProject(groupId).put("user_id", userId);
      if (add) {
        body.put("role_id", roleId);
      }
      SpaceoneAnswer answer = api.attempt(projects + (add ? "add-member" : "remove-member"), body, true);
      if (add && !answer.ok() && (answer.is(SpaceoneRefusals.NOT_FOUND) || answer.is(NOT_PROJECT_ROLE))) {
        checkRole();
      }
      if (!answer.is(add ? ALREADY_MEMBER : NOT_MEMBER)) {
        answer.orThrow();
      }
    }
  }

  /** After an add was refused: a role that is missing or not a PROJECT role is the configuration's fault. */
  private void checkRole() throws ScimException {
    SpaceoneAnswer role = api.attempt(rolePrefix + "get", api.body().put("role_id", roleId), true);
    if (role.is(SpaceoneRefusals.NOT_FOUND) || role.ok() && !"PROJECT".equals(role.result().path("role_type")
        .asText())) {
      throw new ScimException(502, null, "SpaceONE has no PROJECT role " + roleId + " to give project members: "
          + "set backend.projectRoleId to the role_id of a role of type PROJECT in the domain.");
    }
  }

  private ObjectNode withProject(String groupId) {
    return api.body().put("project_id", groupId);
  }
}
