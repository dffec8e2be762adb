package io.scimgateway.emulator.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /** Login tokens issued with POST /users/{id}/tokens, oldest first (secrets kept for tests to redeem). */
  final List<ObjectNode> tokens = new ArrayList<>();

  /** POST /users/{id}/tokens: length 4 to 128 (default 6), expire at least 60 seconds (default 900). */
  ObjectNode issueToken(ObjectNode user, ApiRequest request) {
    JsonNode lengthParam = request.body().get("length");
    JsonNode expireParam = request.body().get("expire");
    int length = lengthParam == null || lengthParam.isNull() ? 6 : lengthParam.asInt();
    long expire = expireParam == null || expireParam.isNull() ? 900 : expireParam.asLong();
    if (length < 4 || length > 128) {
      throw AppwriteError.invalidArgument("Invalid `length` param: Value must be a valid range between 4 and 128");
    }
    if (expire < 60) {
      throw AppwriteError.invalidArgument("Invalid `expire` param: Value must be a valid range between 60 and "
          + "31,536,000");
    }
    StringBuilder secret = new StringBuilder();
    while (secret.length() < length) {
      secret.append(AppwriteIds.generate());
    }
    ObjectNode token = JsonNodeFactory.instance.objectNode();
    token.put("$id", AppwriteIds.generate());
    token.put("$createdAt", timestamps.now());
    token.put("userId", user.get("$id").asText());
    token.put("secret", secret.substring(0, length));
    token.put("expire", timestamps.after(Duration.ofSeconds(expire)));
    token.put("phrase", "");
    tokens.add(token);
    return token.deepCopy();
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
