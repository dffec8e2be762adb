package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the target holds now: every user and every group, read once before planning. */
record Directory(List<User> users, List<Group> groups) {

  Directory {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
  }

  /** The groups by displayName (the first, where several share one). */
  Map<String, Group> groupsByName() {
    Map<String, Group> byName = new HashMap<>();
    groups.forEach(group -> {
      if (group.displayName() != null) {
        byName.putIfAbsent(group.displayName(), group);
      }
    });
    return byName;
  }

  /** A user: its id and its attributes (without {@code id} and {@code meta}). */
  record User(String id, ObjectNode attributes) {}

  /** A group: its id, displayName and the ids of its direct members. */
  record Group(String id, String displayName, Set<String> memberIds) {

    /** The group a target read, from its attributes as SCIM returns them. */
    static Group of(String id, JsonNode attributes) {
      Set<String> members = new HashSet<>();
      attributes.path("members").forEach(member -> members.add(member.path("value").asText()));
      return new Group(id, attributes.path("displayName").asText(null), members);
    }
  }
}
