package io.scimgateway.emulator.spaceone;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

/**
 * The {@code user} verbs of identity v1: create, update, get, list, delete, enable, disable, reset-password and
 * set-required-actions, with release-1.12's checks. Callers hold the domain's lock.
 */
final class SpaceoneUsersApi {

  private static final Set<String> CREATE_FIELDS = Set.of("user_id", "password", "name", "email", "user_type",
      "backend", "language", "timezone", "tags", "reset_password");
  private static final Set<String> UPDATE_FIELDS = Set.of("user_id", "password", "name", "email", "language",
      "timezone", "tags", "reset_password");
  private static final List<String> CONVENIENCES = List.of("user_id", "name", "state", "email", "user_type",
      "backend");
  private static final List<String> MINIMAL = List.of("user_id", "name", "state", "user_type");
  private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";

  private final SpaceoneDomain domain;
  private final SecureRandom random = new SecureRandom();

  SpaceoneUsersApi(SpaceoneDomain domain) {
    this.domain = domain;
  }

  ObjectNode handle(SpaceoneCall call) {
    return switch (call.verb()) {
      case "create" -> create(call.allow(CREATE_FIELDS));
      case "update" -> update(call.allow(UPDATE_FIELDS));
      case "get" -> SpaceoneQuery.project(user(call.allow(Set.of("user_id", "only"))), call.strings("only"));
      case "list" -> list(call);
      case "delete" -> {
        domain.user(call.allow(Set.of("user_id")).required("user_id"));
        domain.deleteUser(call.required("user_id"));
        yield JsonNodeFactory.instance.objectNode();
      }
      case "enable" -> state(call, "ENABLED");
      case "disable" -> state(call, "DISABLED");
      case "reset-password" -> resetPassword(call.allow(Set.of("user_id")));
      case "set-required-actions" -> requiredActions(call.allow(Set.of("user_id", "actions")));
      case "verify-email" -> verifyEmail(call.allow(Set.of("user_id", "email", "force")));
      default -> throw SpaceoneError.noRoute("user/" + call.verb());
    };
  }

  private ObjectNode user(SpaceoneCall call) {
    return domain.user(call.required("user_id"));
  }

  private ObjectNode create(SpaceoneCall call) {
    String userId = call.required("user_id");
    String userType = enumValue(call, "user_type", "USER", Set.of("USER", "API_USER"));
    String backend = enumValue(call, "backend", "LOCAL", Set.of("LOCAL", "EXTERNAL"));
    boolean localUser = backend.equals("LOCAL") && userType.equals("USER");
    SpaceoneUserRules.userId(userId, localUser);
    if (backend.equals("EXTERNAL")) {
      external(userType);
    }
    boolean reset = call.flag("reset_password");
    String password = call.optional("password");
    if (localUser && password == null && !reset) {
      throw SpaceoneError.required("password");
    }
    if (password != null && !userType.equals("API_USER")) {
      SpaceoneUserRules.password(password);
    }
    ObjectNode user = JsonNodeFactory.instance.objectNode().put("user_id", userId);
    fields(call, user);
    if (reset) {
      requireResettable(user, backend);
    }
    if (domain.users.containsKey(userId)) {
      throw SpaceoneError.duplicate("user_id", userId);
    }
    user.put("state", "ENABLED").put("user_type", userType).put("backend", backend);
    user.putArray("required_actions");
    user.putNull("last_accessed_at");
    user.put("created_at", domain.now()).put("domain_id", domain.settings.domainId()).put("email_verified", false);
    domain.users.put(userId, user);
    if (password != null && !userType.equals("API_USER")) {
      domain.passwords.put(userId, password);
    }
    if (reset) {
      sendReset(user, true);
    }
    return user.deepCopy();
  }

  private void external(String userType) {
    if (userType.equals("API_USER")) {
      throw SpaceoneError.invalid("ERROR_EXTERNAL_USER_NOT_ALLOWED_API_USER",
          "External user cannot be created with API_USER type.");
    }
    if (!domain.settings.externalAuth()) {
      throw SpaceoneError.invalid("ERROR_NOT_ALLOWED_EXTERNAL_AUTHENTICATION",
          "External authentication is not allowed in this domain.");
    }
    throw SpaceoneError.invalid("ERROR_NOT_FOUND_USER_IN_EXTERNAL_AUTH", "The user is not found in external auth.");
  }

  private static String enumValue(SpaceoneCall call, String key, String fallback, Set<String> allowed) {
    String value = call.optional(key);
    if (value == null) {
      return fallback;
    }
    if (!allowed.contains(value)) {
      throw SpaceoneError.invalidParameter(key, "not one of " + allowed);
    }
    return value;
  }

  /** name, email, language, timezone and tags as a create or update gives them. */
  private void fields(SpaceoneCall call, ObjectNode user) {
    if (call.has("name")) {
      user.put("name", SpaceoneUserRules.trimmed("name", call.optional("name"), SpaceoneUserRules.NAME_MAX));
    }
    if (call.has("email")) {
      String email = SpaceoneUserRules.trimmed("email", call.optional("email"), SpaceoneUserRules.EMAIL_MAX);
      if (!email.equals(user.path("email").asText(null))) {
        user.put("email_verified", false);
      }
      user.put("email", email);
    }
    if (call.has("language")) {
      SpaceoneUserRules.maxLength("language", call.optional("language"), SpaceoneUserRules.LANGUAGE_MAX);
      user.put("language", call.optional("language"));
    }
    if (call.has("timezone")) {
      SpaceoneUserRules.timezone(call.optional("timezone"));
      user.put("timezone", call.optional("timezone"));
    }
    if (call.has("tags")) {
      user.set("tags", call.object("tags").deepCopy());
    }
    user.putIfAbsent("name", JsonNodeFactory.instance.textNode(""));
    user.putIfAbsent("email", JsonNodeFactory.instance.textNode(""));
    user.putIfAbsent("language", JsonNodeFactory.instance.textNode("en"));
    user.putIfAbsent("timezone", JsonNodeFactory.instance.textNode("UTC"));
    user.putIfAbsent("tags", JsonNodeFactory.instance.objectNode());
  }

  private ObjectNode update(SpaceoneCall call) {
    ObjectNode stored = user(call);
    ObjectNode user = stored.deepCopy();
    fields(call, user);
    String password = call.optional("password");
    if (password != null) {
      if (password.equals(domain.passwords.get(user.get("user_id").asText()))) {
        throw SpaceoneError.invalid("ERROR_PASSWORD_NOT_CHANGED", "Password is not changed.");
      }
      SpaceoneUserRules.password(password);
    }
    boolean reset = call.flag("reset_password");
    if (reset) {
      requireResettable(user, user.path("backend").asText());
      if (!user.path("email_verified").asBoolean()) {
        throw SpaceoneError.invalid("ERROR_VERIFICATION_UNAVAILABLE",
            "Verification is unavailable: the email is not verified. (user_id = " + user.get("user_id").asText()
                + ")");
      }
    }
    String userId = user.get("user_id").asText();
    if (password != null) {
      domain.passwords.put(userId, password);
      removeRequiredAction(user, UPDATE_PASSWORD);
      domain.record("password_changed", userId, List.of());
    }
    domain.users.put(userId, user);
    if (reset) {
      sendReset(user, false);
    }
    return user.deepCopy();
  }

  private ObjectNode list(SpaceoneCall call) {
    SpaceoneQuery query = SpaceoneQuery.of(call, CONVENIENCES, List.of("user_id", "name", "email"));
    return query.answer(List.copyOf(domain.users.values()), "name", "user_id", MINIMAL);
  }

  private ObjectNode state(SpaceoneCall call, String state) {
    ObjectNode user = user(call.allow(Set.of("user_id")));
    user.put("state", state);
    return user.deepCopy();
  }

  /** {@code force} marks the email verified at once; otherwise a code is emailed and it is unverified. */
  private ObjectNode verifyEmail(SpaceoneCall call) {
    ObjectNode user = user(call);
    if (call.has("email")) {
      user.put("email", SpaceoneUserRules.trimmed("email", call.optional("email"), SpaceoneUserRules.EMAIL_MAX));
    }
    user.put("email_verified", call.flag("force"));
    if (!call.flag("force")) {
      domain.record("verify_email", user.get("user_id").asText(), List.of(user.path("email").asText()));
    }
    return JsonNodeFactory.instance.objectNode();
  }

  private ObjectNode resetPassword(SpaceoneCall call) {
    ObjectNode user = user(call);
    requireResettable(user, user.path("backend").asText());
    if (!user.path("email_verified").asBoolean()) {
      throw SpaceoneError.invalid("ERROR_VERIFICATION_UNAVAILABLE",
          "Verification is unavailable: the email is not verified. (user_id = " + user.get("user_id").asText()
              + ")");
    }
    sendReset(user, false);
    return JsonNodeFactory.instance.objectNode();
  }

  private static void requireResettable(ObjectNode user, String backend) {
    if (backend.equals("EXTERNAL")) {
      throw SpaceoneError.invalid("ERROR_UNABLE_TO_RESET_PASSWORD_IN_EXTERNAL_AUTH",
          "Unable to reset password in external auth. (user_id = " + user.get("user_id").asText() + ")");
    }
    if (user.path("email").asText("").isEmpty()) {
      throw SpaceoneError.invalid("ERROR_UNABLE_TO_RESET_PASSWORD_WITHOUT_EMAIL",
          "Unable to reset password without email. (user_id = " + user.get("user_id").asText() + ")");
    }
  }

  /** The reset flow of the server's RESET_PASSWORD_TYPE; on create always a temporary password. */
  private void sendReset(ObjectNode user, boolean onCreate) {
    String type = onCreate ? "PASSWORD" : domain.settings.resetPasswordType();
    String userId = user.get("user_id").asText();
    if (type.equals("PASSWORD")) {
      domain.passwords.put(userId, temporaryPassword());
      addRequiredAction(user, UPDATE_PASSWORD);
    }
    domain.record("reset_password", userId, List.of(type));
  }

  private ObjectNode requiredActions(SpaceoneCall call) {
    ObjectNode user = user(call);
    List<String> actions = call.strings("actions");
    for (String action : actions) {
      if (!action.equals(UPDATE_PASSWORD)) {
        throw SpaceoneError.invalidParameter("actions", "not one of [UPDATE_PASSWORD]");
      }
      if (user.path("backend").asText().equals("EXTERNAL") || user.path("user_type").asText().equals("API_USER")) {
        throw SpaceoneError.invalid("ERROR_NOT_ALLOWED_ACTIONS",
            "Not allowed actions for this user. (action = " + action + ")");
      }
    }
    actions.forEach(action -> addRequiredAction(user, action));
    domain.record("set_required_actions", user.get("user_id").asText(), actions);
    return user.deepCopy();
  }

  private static void addRequiredAction(ObjectNode user, String action) {
    for (var held : user.withArray("required_actions")) {
      if (held.asText().equals(action)) {
        return;
      }
    }
    user.withArray("required_actions").add(action);
  }

  private static void removeRequiredAction(ObjectNode user, String action) {
    var actions = user.withArray("required_actions");
    for (int i = actions.size() - 1; i >= 0; i--) {
      if (actions.get(i).asText().equals(action)) {
        actions.remove(i);
      }
    }
  }

  /** 12 characters with a lowercase letter, an uppercase letter and a digit. */
  private String temporaryPassword() {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder password = new StringBuilder("aA1");
    while (password.length() < 12) {
      password.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return password.toString();
  }
}
