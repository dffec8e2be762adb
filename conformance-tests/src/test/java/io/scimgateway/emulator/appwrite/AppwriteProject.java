package io.scimgateway.emulator.appwrite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** The in-memory state of one project: users, teams and memberships. Callers hold the project's lock. */
final class AppwriteProject {

  static final Set<String> USER_ATTRIBUTES = Set.of("name", "email", "phone", "status", "passwordUpdate",
      "registration", "emailVerification", "phoneVerification", "labels", "impersonator", "accessedAt");
  static final Set<String> TEAM_ATTRIBUTES = Set.of("name", "total", "billingPlan");
  static final Set<String> MEMBERSHIP_ATTRIBUTES = Set.of("userId", "teamId", "invited", "joined", "confirm",
      "roles");

  final DocumentCollection users;
  final DocumentCollection teams;
  final DocumentCollection memberships;
  final AppwriteTimestamps timestamps;

  AppwriteProject(AppwriteTimestamps timestamps, int countLimit) {
    this.timestamps = timestamps;
    this.users = new DocumentCollection(USER_ATTRIBUTES, Set.of("labels"),
        user -> String.join(" ", user.path("$id").asText(), user.path("email").asText(),
            user.path("phone").asText(), user.path("name").asText()),
        countLimit);
    this.teams = new DocumentCollection(TEAM_ATTRIBUTES, Set.of(),
        team -> team.path("$id").asText() + " " + team.path("name").asText(), countLimit);
    this.memberships = new DocumentCollection(MEMBERSHIP_ATTRIBUTES, Set.of("roles"),
        membership -> membership.path("userName").asText() + " " + membership.path("userEmail").asText(),
        countLimit);
  }

  ObjectNode requireUser(String id) {
    ObjectNode user = users.get(id);
    if (user == null) {
      throw AppwriteError.userNotFound();
    }
    return user;
  }

  ObjectNode requireTeam(String id) {
    ObjectNode team = teams.get(id);
    if (team == null) {
      throw AppwriteError.teamNotFound();
    }
    return team;
  }

  /** Removes a membership and lowers its team's confirmed-member count. */
  void removeMembership(ObjectNode membership) {
    memberships.remove(membership.get("$id").asText());
    ObjectNode team = teams.get(membership.get("teamId").asText());
    if (team != null && membership.path("confirm").asBoolean()) {
      team.put("total", Math.max(0, team.get("total").asInt() - 1));
    }
  }

  /** Keeps the user fields copied into memberships in step with the user. */
  void refreshMemberships(ObjectNode user) {
    for (ObjectNode membership : memberships.all()) {
      if (membership.get("userId").asText().equals(user.get("$id").asText())) {
        membership.put("userName", user.get("name").asText());
        membership.put("userEmail", user.get("email").asText());
        membership.put("userPhone", user.get("phone").asText());
      }
    }
  }
}
