package io.scimgateway.emulator.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The {@code user} service's Sys operations, the {@code identity} service's email change and the
 * {@code playerState} service's session invalidation. Callers hold the app's monitor.
 */
final class BcUserService {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final BcApp app;
  private final Clock clock;

  BcUserService(BcApp app, Clock clock) {
    this.app = app;
    this.clock = clock;
  }

  JsonNode handle(String operation, ObjectNode data) {
    if (operation.startsWith("SYS_SEND_PASSWORD_RESET_")) {
      return reset(operation, data);
    }
    return switch (operation) {
      case "SYS_CREATE_USER_EMAIL_PASSWORD" -> create(BcUser.EMAIL, data);
      case "SYS_CREATE_USER_UNIVERSAL_ID" -> create(BcUser.UNIVERSAL, data);
      case "SYS_CREATE_USER_EXTERNAL_AUTH" -> create(BcUser.EXTERNAL, data);
      case "SYS_GET_USER_INFO" -> app.user(text(data, "profileId")).info();
      case "SYS_GET_USER_EXPORT" -> export(data);
      case "SYS_DELETE_USER" -> delete(data);
      case "SYS_GET_PAGE" -> BcPagedQuery.first(documents(), data, BcUser.HIDDEN);
      case "SYS_GET_PAGE_OFFSET" -> BcPagedQuery.offset(documents(), data, BcUser.HIDDEN);
      case "SYS_SET_PASSWORD_UNIVERSAL_ID" -> setPassword(data);
      case "SYS_CHANGE_EMAIL_IDENTITY" -> changeEmail(data);
      case "SYS_INVALIDATE_ALL_SESSIONS_FOR_USER" -> invalidate(data);
      default -> throw BcFailure.badRequest(BcFailure.UNKNOWN_OPERATION, "Unknown operation " + operation);
    };
  }

  private JsonNode create(String type, ObjectNode data) {
    String externalId = text(data, "externalId");
    if (type.equals(BcUser.EMAIL) && !externalId.contains("@")) {
      throw BcFailure.missing("externalId (an email address)");
    }
    if (app.withIdentity(type, externalId).isPresent()) {
      throw BcFailure.badRequest(BcFailure.IDENTITY_IN_USE, "A user already has the " + type + " identity "
          + externalId);
    }
    boolean external = type.equals(BcUser.EXTERNAL);
    if (external && !app.settings.externalAuthTypes().contains(data.path("externalAuthType").asText(""))) {
      throw BcFailure.missing("externalAuthType (an external authentication type configured in the app)");
    }
    JsonNode password = data.path("password");
    String chosen = password.isTextual() ? checkPassword(password.asText()) : UUID.randomUUID().toString();
    BcUser user = new BcUser(UUID.randomUUID().toString(), clock.millis());
    user.identities.put(type, externalId);
    user.password = external ? null : chosen; // the external identity provider checks the password
    user.externalAuthType = external ? data.path("externalAuthType").asText() : null;
    user.playerName = data.path("userName").asText("");
    user.emailAddress = type.equals(BcUser.EMAIL) ? externalId : data.path("contactEmail").asText(null);
    app.users.put(user.profileId, user);
    return JSON.objectNode().put("profileId", user.profileId);
  }

  private String checkPassword(String password) {
    if (password.length() < app.settings.minPasswordLength()) {
      throw BcFailure.badRequest(BcFailure.INVALID_PASSWORD_CONTENT, "Password must have at least "
          + app.settings.minPasswordLength() + " characters");
    }
    return password;
  }

  private JsonNode export(ObjectNode data) {
    BcUser user = app.user(text(data, "profileId"));
    if (!data.path("optionsJson").has("includeEntities")) {
      throw BcFailure.missing("optionsJson.includeEntities");
    }
    ObjectNode export = user.export();
    app.groups.values().stream().filter(group -> group.members.containsKey(user.profileId))
        .forEach(group -> export.with("groups").withArray("groups").add(group.item()));
    ObjectNode answer = JSON.objectNode();
    answer.putArray(user.profileId).add(export);
    return answer;
  }

  private JsonNode delete(ObjectNode data) {
    BcUser user = app.user(text(data, "profileId"));
    app.users.remove(user.profileId);
    app.groups.values().forEach(group -> group.members.remove(user.profileId));
    return JSON.objectNode();
  }

  private List<ObjectNode> documents() {
    return app.users.values().stream().map(BcUser::document).toList();
  }

  private JsonNode setPassword(ObjectNode data) {
    BcUser user = app.user(text(data, "profileId"));
    if (!user.identities.containsKey(BcUser.UNIVERSAL)) {
      throw BcFailure.badRequest(BcFailure.MISSING_IDENTITY, "The user has no Universal identity");
    }
    user.password = checkPassword(text(data, "password"));
    user.updatedAt = clock.millis();
    app.record("SYS_SET_PASSWORD_UNIVERSAL_ID", JSON.objectNode().put("profileId", user.profileId));
    return NullNode.getInstance();
  }

  /** The eight reset-email variants: Email ones need an Email identity, Universal ones a Universal identity and a
   * contact email. */
  private JsonNode reset(String operation, ObjectNode data) {
    BcUser user = app.user(text(data, "profileId"));
    boolean universal = operation.contains("UNIVERSAL_ID");
    if (!user.identities.containsKey(universal ? BcUser.UNIVERSAL : BcUser.EMAIL)
        || (universal && user.emailAddress == null)) {
      throw BcFailure.badRequest(BcFailure.MISSING_IDENTITY, "The user has no "
          + (universal ? "Universal identity and contact email" : "Email identity"));
    }
    if (operation.endsWith("WITH_EXPIRY") && data.path("tokenTtlInMinutes").asInt(0) < 1) {
      throw BcFailure.missing("tokenTtlInMinutes");
    }
    if (operation.contains("ADVANCED") && !data.path("serviceParams").isObject()) {
      throw BcFailure.missing("serviceParams");
    }
    app.record(operation, data);
    return NullNode.getInstance();
  }

  private JsonNode changeEmail(ObjectNode data) {
    BcUser user = app.user(text(data, "profileId"));
    String old = text(data, "oldEmailAddress");
    String changed = text(data, "newEmailAddress");
    if (!old.equalsIgnoreCase(user.identities.getOrDefault(BcUser.EMAIL, ""))) {
      throw BcFailure.badRequest(BcFailure.MISSING_IDENTITY, "The user has no Email identity " + old);
    }
    if (app.withIdentity(BcUser.EMAIL, changed).filter(other -> other != user).isPresent()) {
      throw BcFailure.badRequest(BcFailure.EMAIL_IN_USE, "The email " + changed + " is already in use");
    }
    user.identities.put(BcUser.EMAIL, changed);
    if (data.path("updateContactEmail").asBoolean(false)) {
      user.emailAddress = changed;
    }
    user.updatedAt = clock.millis();
    return JSON.objectNode();
  }

  private JsonNode invalidate(ObjectNode data) {
    BcUser user = app.user(text(data, "profileId"));
    app.record("SYS_INVALIDATE_ALL_SESSIONS_FOR_USER", JSON.objectNode().put("profileId", user.profileId));
    return JSON.objectNode();
  }

  static String text(JsonNode data, String field) {
    JsonNode value = data.path(field);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw BcFailure.missing(field);
    }
    return value.asText();
  }
}
