package io.scimgateway.emulator.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorResponse;
import java.util.ArrayList;
import java.util.List;

/** The /v1/users routes: create, get, list, per-field updates, prefs, memberships of a user, delete. */
final class UsersApi {

  private final AppwriteProject project;
  private final ObjectMapper json;

  UsersApi(AppwriteProject project, ObjectMapper json) {
    this.project = project;
    this.json = json;
  }

  /** Segments start at "users". */
  EmulatorResponse handle(ApiRequest request, List<String> path) {
    String method = request.method();
    if (path.size() == 1) {
      return switch (method) {
        case "GET" -> EmulatorResponse.ok(project.users.list(request, "users", json));
        case "POST" -> EmulatorResponse.created(create(request));
        default -> throw AppwriteError.routeNotFound();
      };
    }
    if (path.size() == 2 && method.equals("POST") && UserFieldRules.HASH_ROUTES.containsKey(path.get(1))) {
      return EmulatorResponse.created(createHashed(request, path.get(1)));
    }
    ObjectNode user = project.requireUser(path.get(1));
    if (path.size() == 2) {
      return switch (method) {
        case "GET" -> EmulatorResponse.ok(DocumentCollection.render(user));
        case "DELETE" -> delete(user);
        default -> throw AppwriteError.routeNotFound();
      };
    }
    String field = String.join("/", path.subList(2, path.size()));
    return switch (method + " " + field) {
      case "PATCH name" -> update(user, () -> user.put("name", UserFieldRules.name(request.requiredString("name"))));
      case "PATCH email" -> update(user, () -> updateEmail(user, request.requiredString("email")));
      case "PATCH phone" -> update(user, () -> updatePhone(user, request.requiredString("number")));
      case "PATCH password" -> update(user, () -> {
        String password = request.requiredString("password");
        UserFieldRules.password(password, true);
        UserFieldRules.storePassword(user, password, project.timestamps.now());
      });
      case "PATCH status" -> update(user, () -> user.put("status", request.requiredBoolean("status")));
      case "PUT labels" -> {
        List<String> labels = UserFieldRules.labels(request.requiredStrings("labels"));
        yield update(user, () -> {
          ArrayNode stored = user.putArray("labels");
          labels.forEach(stored::add);
        });
      }
      case "PATCH verification" -> update(user,
          () -> user.put("emailVerification", request.requiredBoolean("emailVerification")));
      case "PATCH verification/phone" -> update(user,
          () -> user.put("phoneVerification", request.requiredBoolean("phoneVerification")));
      case "GET prefs" -> EmulatorResponse.ok(user.get("prefs").deepCopy());
      case "PATCH prefs" -> updatePrefs(user, request);
      case "POST tokens" -> EmulatorResponse.created(project.issueToken(user, request));
      case "GET memberships" -> EmulatorResponse.ok(project.memberships.list(request, "memberships", json,
          membership -> membership.get("userId").asText().equals(user.get("$id").asText())));
      default -> throw AppwriteError.routeNotFound();
    };
  }

  private ObjectNode create(ApiRequest request) {
    String password = optional(request, "password");
    UserFieldRules.password(password, true);
    ObjectNode user = newUser(request, optional(request, "phone"));
    UserFieldRules.storePassword(user, password, user.get("$createdAt").asText());
    project.users.insert(user);
    return DocumentCollection.render(user);
  }

  /** POST /users/{algorithm}: a user with an imported hash; userId, email and the hash are required. */
  private ObjectNode createHashed(ApiRequest request, String algorithm) {
    request.requiredString("userId");
    request.requiredString("email");
    String hash = request.requiredString("password");
    ObjectNode options = json.createObjectNode().put("type", algorithm);
    for (String option : UserFieldRules.HASH_ROUTES.get(algorithm)) {
      JsonNode value = request.body().get(option);
      if (value == null || value.isNull()) {
        throw AppwriteError.invalidArgument("Param \"" + option + "\" is not optional.");
      }
      options.set(option, value);
    }
    ObjectNode user = newUser(request, "");
    user.put("password", hash);
    user.put("hash", algorithm);
    user.set("hashOptions", options);
    user.put("passwordUpdate", user.get("$createdAt").asText());
    project.users.insert(user);
    return DocumentCollection.render(user);
  }

  private ObjectNode newUser(ApiRequest request, String requestedPhone) {
    String id = AppwriteIds.resolve("userId", request.optionalString("userId"));
    String name = UserFieldRules.name(optional(request, "name"));
    String email = UserFieldRules.email(optional(request, "email"), true);
    String phone = UserFieldRules.phone(requestedPhone, "phone", true);
    if (project.users.get(id) != null || taken("email", email, null) || taken("phone", phone, null)) {
      throw AppwriteError.userAlreadyExists();
    }
    String now = project.timestamps.now();
    ObjectNode user = json.createObjectNode();
    user.put("$id", id);
    user.put("$createdAt", now);
    user.put("$updatedAt", now);
    user.put("name", name);
    user.put("registration", now);
    user.put("status", true);
    user.putArray("labels");
    user.put("email", email);
    user.put("phone", phone);
    user.put("emailVerification", false);
    user.put("phoneVerification", false);
    user.put("mfa", false);
    user.putObject("prefs");
    user.putArray("targets");
    user.put("accessedAt", "");
    user.put("impersonator", false);
    return user;
  }

  private static String optional(ApiRequest request, String name) {
    String value = request.optionalString(name);
    return value == null ? "" : value;
  }

  private boolean taken(String field, String value, String exceptId) {
    if (value.isEmpty()) {
      return false;
    }
    for (ObjectNode other : project.users.all()) {
      if (other.get(field).asText().equals(value) && !other.get("$id").asText().equals(exceptId)) {
        return true;
      }
    }
    return false;
  }

  private void updateEmail(ObjectNode user, String requested) {
    String email = UserFieldRules.email(requested, true);
    if (taken("email", email, user.get("$id").asText())) {
      throw new AppwriteError(409, "user_email_already_exists",
          "A user with the same email already exists in the current project.");
    }
    user.put("email", email);
    user.put("emailVerification", false);
  }

  private void updatePhone(ObjectNode user, String requested) {
    String phone = UserFieldRules.phone(requested, "number", true);
    if (taken("phone", phone, user.get("$id").asText())) {
      throw new AppwriteError(409, "user_phone_already_exists",
          "A user with the same phone number already exists in the current project.");
    }
    user.put("phone", phone);
    user.put("phoneVerification", false);
  }

  private EmulatorResponse update(ObjectNode user, Runnable change) {
    change.run();
    user.put("$updatedAt", project.timestamps.now());
    project.refreshMemberships(user);
    return EmulatorResponse.ok(DocumentCollection.render(user));
  }

  private EmulatorResponse updatePrefs(ObjectNode user, ApiRequest request) {
    JsonNode prefs = request.body().get("prefs");
    if (prefs == null || prefs.isNull()) {
      throw AppwriteError.invalidArgument("Param \"prefs\" is not optional.");
    }
    if (!prefs.isObject()) {
      throw AppwriteError.invalidArgument("Invalid `prefs` param: Value must be a valid object.");
    }
    user.set("prefs", prefs.deepCopy());
    user.put("$updatedAt", project.timestamps.now());
    return EmulatorResponse.ok(prefs.deepCopy());
  }

  private EmulatorResponse delete(ObjectNode user) {
    String id = user.get("$id").asText();
    List<ObjectNode> owned = new ArrayList<>();
    for (ObjectNode membership : project.memberships.all()) {
      if (membership.get("userId").asText().equals(id)) {
        owned.add(membership);
      }
    }
    owned.forEach(project::removeMembership);
    project.users.remove(id);
    return EmulatorResponse.noContent();
  }
}
