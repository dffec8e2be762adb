package io.scimgateway.emulator.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorRequest;
import io.scimgateway.emulator.EmulatorResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The /v1/teams routes as used with an API key: teams, team prefs, and memberships (confirmed at once). */
final class TeamsApi {

  private static final Pattern ROLE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,80}");
  private static final int MAX_ROLES = 100;

  private final AppwriteProject project;
  private final ObjectMapper json;
  private final UsersApi users;

  TeamsApi(AppwriteProject project, ObjectMapper json, UsersApi users) {
    this.project = project;
    this.json = json;
    this.users = users;
  }

  /** Segments start at "teams". */
  EmulatorResponse handle(ApiRequest request, List<String> path) {
    String method = request.method();
    if (path.size() == 1) {
      return switch (method) {
        case "GET" -> EmulatorResponse.ok(project.teams.list(request, "teams", json));
        case "POST" -> EmulatorResponse.created(createTeam(request));
        default -> throw AppwriteError.routeNotFound();
      };
    }
    ObjectNode team = project.requireTeam(path.get(1));
    String teamId = team.get("$id").asText();
    String route = method + " " + String.join("/", path.subList(2, path.size()));
    switch (route) {
      case "GET " -> {
        return EmulatorResponse.ok(DocumentCollection.render(team));
      }
      case "PUT " -> {
        team.put("name", UserFieldRules.name(request.requiredString("name")));
        team.put("$updatedAt", project.timestamps.now());
        for (ObjectNode membership : project.memberships.all()) {
          if (membership.get("teamId").asText().equals(teamId)) {
            membership.put("teamName", team.get("name").asText());
          }
        }
        return EmulatorResponse.ok(DocumentCollection.render(team));
      }
      case "DELETE " -> {
        project.memberships.all().removeIf(membership -> membership.get("teamId").asText().equals(teamId));
        project.teams.remove(teamId);
        return EmulatorResponse.noContent();
      }
      case "GET prefs" -> {
        return EmulatorResponse.ok(team.get("prefs").deepCopy());
      }
      case "PUT prefs" -> {
        JsonNode prefs = request.body().get("prefs");
        if (prefs == null || !prefs.isObject()) {
          throw AppwriteError.invalidArgument("Invalid `prefs` param: Value must be a valid object.");
        }
        team.set("prefs", prefs.deepCopy());
        return EmulatorResponse.ok(prefs.deepCopy());
      }
      case "GET memberships" -> {
        return EmulatorResponse.ok(project.memberships.list(request, "memberships", json,
            membership -> membership.get("teamId").asText().equals(teamId)));
      }
      case "POST memberships" -> {
        return EmulatorResponse.created(createMembership(team, request));
      }
      default -> {
        return membershipRoute(team, request, path);
      }
    }
  }

  private ObjectNode createTeam(ApiRequest request) {
    String id = AppwriteIds.resolve("teamId", request.optionalString("teamId"));
    String name = UserFieldRules.name(request.requiredString("name"));
    if (project.teams.get(id) != null) {
      throw AppwriteError.teamAlreadyExists();
    }
    String now = project.timestamps.now();
    ObjectNode team = json.createObjectNode();
    team.put("$id", id);
    team.put("$createdAt", now);
    team.put("$updatedAt", now);
    team.put("name", name);
    team.put("total", 0);
    team.putObject("prefs");
    project.teams.insert(team);
    return DocumentCollection.render(team);
  }

  private ObjectNode createMembership(ObjectNode team, ApiRequest request) {
    List<String> roles = roles(request);
    String userId = request.optionalString("userId");
    String email = request.optionalString("email");
    String phone = request.optionalString("phone");
    ObjectNode user;
    if (userId != null && !userId.isEmpty()) {
      user = project.requireUser(userId);
      if (email != null && !email.isEmpty() && !user.get("email").asText().equalsIgnoreCase(email)) {
        throw new AppwriteError(409, "user_already_exists", "Given userId and email do not match.");
      }
    } else if (email != null && !email.isEmpty()) {
      user = findOrCreate("email", UserFieldRules.email(email, false), request);
    } else if (phone != null && !phone.isEmpty()) {
      user = findOrCreate("phone", UserFieldRules.phone(phone, "phone", false), request);
    } else {
      throw AppwriteError.invalidArgument("At least one of userId, email, or phone is required");
    }
    for (ObjectNode existing : project.memberships.all()) {
      if (existing.get("teamId").asText().equals(team.get("$id").asText())
          && existing.get("userId").asText().equals(user.get("$id").asText())) {
        throw AppwriteError.membershipAlreadyExists();
      }
    }
    String now = project.timestamps.now();
    ObjectNode membership = json.createObjectNode();
    membership.put("$id", AppwriteIds.generate());
    membership.put("$createdAt", now);
    membership.put("$updatedAt", now);
    membership.put("userId", user.get("$id").asText());
    membership.put("userName", user.get("name").asText());
    membership.put("userEmail", user.get("email").asText());
    membership.put("userPhone", user.get("phone").asText());
    membership.put("teamId", team.get("$id").asText());
    membership.put("teamName", team.get("name").asText());
    membership.put("invited", now);
    membership.put("joined", now);
    membership.put("confirm", true);
    membership.put("mfa", user.get("mfa").asBoolean());
    membership.put("userAccessedAt", user.get("accessedAt").asText());
    ArrayNode roleArray = membership.putArray("roles");
    roles.forEach(roleArray::add);
    project.memberships.insert(membership);
    team.put("total", team.get("total").asInt() + 1);
    return DocumentCollection.render(membership);
  }

  private ObjectNode findOrCreate(String field, String value, ApiRequest request) {
    for (ObjectNode user : project.users.all()) {
      if (user.get(field).asText().equals(value)) {
        return user;
      }
    }
    ObjectNode body = json.createObjectNode();
    body.put("userId", AppwriteIds.UNIQUE);
    body.put(field, value);
    String name = request.optionalString("name");
    if (name != null) {
      body.put("name", name);
    }
    ApiRequest create = ApiRequest.parse(EmulatorRequest.of("POST", URI.create("/v1/users"), Map.of(),
        body.toString().getBytes(StandardCharsets.UTF_8)), json);
    users.handle(create, List.of("users"));
    return project.users.all().stream().filter(user -> user.get(field).asText().equals(value)).findFirst()
        .orElseThrow();
  }

  private static List<String> roles(ApiRequest request) {
    List<String> roles = request.requiredStrings("roles");
    if (roles.size() > MAX_ROLES || roles.stream().anyMatch(role -> !ROLE.matcher(role).matches())) {
      throw AppwriteError.invalidArgument("Invalid `roles` param: Value must be a valid array no longer than "
          + MAX_ROLES + " items and Value must be a valid key of at most 81 chars");
    }
    return roles;
  }

  private EmulatorResponse membershipRoute(ObjectNode team, ApiRequest request, List<String> path) {
    if (path.size() != 4 || !path.get(2).equals("memberships")) {
      throw AppwriteError.routeNotFound();
    }
    ObjectNode membership = project.memberships.get(path.get(3));
    if (membership == null) {
      throw AppwriteError.membershipNotFound();
    }
    if (!membership.get("teamId").asText().equals(team.get("$id").asText())) {
      throw AppwriteError.membershipMismatch();
    }
    switch (request.method()) {
      case "GET":
        return EmulatorResponse.ok(DocumentCollection.render(membership));
      case "PATCH":
        List<String> roles = roles(request);
        ArrayNode roleArray = membership.putArray("roles");
        roles.forEach(roleArray::add);
        membership.put("$updatedAt", project.timestamps.now());
        return EmulatorResponse.ok(DocumentCollection.render(membership));
      case "DELETE":
        project.removeMembership(membership);
        return EmulatorResponse.noContent();
      default:
        throw AppwriteError.routeNotFound();
    }
  }
}
