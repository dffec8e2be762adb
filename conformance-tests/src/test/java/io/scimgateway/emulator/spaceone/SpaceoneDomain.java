package io.scimgateway.emulator.spaceone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory state of one domain: users as the API renders them (with their passwords beside them), v2 user
 * groups, v1 projects, roles, role bindings (a project's members among them), and the actions tests count. Callers hold its lock.
 */
final class SpaceoneDomain {

  final SpaceoneSettings settings;
  final Map<String, ObjectNode> users = new LinkedHashMap<>();
  final Map<String, String> passwords = new HashMap<>();
  final Map<String, ObjectNode> userGroups = new LinkedHashMap<>();
  final Map<String, ObjectNode> projects = new LinkedHashMap<>();
  final Map<String, ObjectNode> roles = new LinkedHashMap<>();
  final Map<String, ObjectNode> roleBindings = new LinkedHashMap<>();
  final List<SpaceoneAction> actions = new ArrayList<>();
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  SpaceoneDomain(SpaceoneSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** {@code <prefix>-<12 hex digits>}, as SpaceONE's generated ids. */
  String newId(String prefix) {
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    return prefix + "-" + HexFormat.of().formatHex(bytes);
  }

  /** ISO-8601 in UTC with milliseconds, as the info builders render times. */
  String now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  ObjectNode user(String userId) {
    ObjectNode user = users.get(userId);
    if (user == null) {
      throw SpaceoneError.notFound("user_id", userId);
    }
    return user;
  }

  ObjectNode userGroup(String id) {
    ObjectNode group = userGroups.get(id);
    if (group == null) {
      throw SpaceoneError.notFound("user_group_id", id);
    }
    return group;
  }

  ObjectNode project(String id) {
    ObjectNode project = projects.get(id);
    if (project == null) {
      throw SpaceoneError.notFound("project_id", id);
    }
    return project;
  }

  ObjectNode role(String id) {
    ObjectNode role = roles.get(id);
    if (role == null) {
      throw SpaceoneError.notFound("role_id", id);
    }
    return role;
  }

  void record(String kind, String userId, List<String> detail) {
    actions.add(new SpaceoneAction(kind, userId, detail));
  }

  /** A hard delete, with the user's memberships and role bindings. */
  void deleteUser(String userId) {
    users.remove(userId);
    passwords.remove(userId);
    userGroups.values().forEach(group -> {
      for (int i = group.withArray("users").size() - 1; i >= 0; i--) {
        if (group.withArray("users").get(i).asText().equals(userId)) {
          group.withArray("users").remove(i);
        }
      }
    });
    roleBindings.values().removeIf(binding -> binding.path("resource_id").asText().equals(userId));
  }
}
