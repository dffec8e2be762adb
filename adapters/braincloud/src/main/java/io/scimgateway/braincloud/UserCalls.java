package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The messages of brainCloud's {@code user}, {@code identity} and {@code playerState} services the stores send. */
final class UserCalls {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String USER = "user";

  private UserCalls() {
  }

  static S2sMessage info(String profileId) {
    return new S2sMessage(USER, "SYS_GET_USER_INFO", profile(profileId));
  }

  /** The export without entities: login identities, timestamps, groups. */
  static S2sMessage export(String profileId) {
    ObjectNode data = profile(profileId);
    data.putObject("optionsJson").put("includeEntities", false);
    return new S2sMessage(USER, "SYS_GET_USER_EXPORT", data);
  }

  /**
   * A user with the configured identity: Email takes no contact email (the login is the address), External no
   * password (the external identity provider signs the user in) but the configured external authentication type.
   */
  static S2sMessage create(BrainCloudSettings settings, String loginId, String password, String playerName,
      String contactEmail) {
    ObjectNode data = JSON.objectNode().put("externalId", loginId).put("userName", playerName);
    return switch (settings.identityType()) {
      case EMAIL -> new S2sMessage(USER, "SYS_CREATE_USER_EMAIL_PASSWORD", data.put("password", password));
      case UNIVERSAL -> new S2sMessage(USER, "SYS_CREATE_USER_UNIVERSAL_ID", data.put("password", password)
          .put("contactEmail", contactEmail));
      case EXTERNAL -> new S2sMessage(USER, "SYS_CREATE_USER_EXTERNAL_AUTH", data
          .put("externalAuthType", settings.externalAuthType()).put("contactEmail", contactEmail));
    };
  }

  static S2sMessage delete(String profileId, boolean deleteChildren) {
    ObjectNode data = profile(profileId);
    data.putObject("optionsJson").put("deleteChildren", deleteChildren);
    return new S2sMessage(USER, "SYS_DELETE_USER", data);
  }

  static S2sMessage changeEmailIdentity(String profileId, String oldEmail, String newEmail, boolean contactToo) {
    return new S2sMessage("identity", "SYS_CHANGE_EMAIL_IDENTITY", profile(profileId)
        .put("oldEmailAddress", oldEmail).put("newEmailAddress", newEmail).put("updateContactEmail", contactToo));
  }

  static S2sMessage setUniversalPassword(String profileId, String password) {
    return new S2sMessage(USER, "SYS_SET_PASSWORD_UNIVERSAL_ID", profile(profileId).put("password", password));
  }

  static S2sMessage invalidateSessions(String profileId) {
    return new S2sMessage("playerState", "SYS_INVALIDATE_ALL_SESSIONS_FOR_USER", profile(profileId));
  }

  /**
   * The reset-email variant for the identity, the expiry and the template: e.g.
   * {@code SYS_SEND_PASSWORD_RESET_UNIVERSAL_ID_ADVANCED_WITH_EXPIRY}.
   */
  static S2sMessage reset(BrainCloudSettings.IdentityType type, String profileId, Integer ttlMinutes,
      JsonNode serviceParams) {
    StringBuilder operation = new StringBuilder("SYS_SEND_PASSWORD_RESET_")
        .append(type == BrainCloudSettings.IdentityType.EMAIL ? "EMAIL" : "UNIVERSAL_ID");
    ObjectNode data = profile(profileId);
    if (serviceParams != null) {
      operation.append("_ADVANCED");
      data.set("serviceParams", serviceParams);
    }
    if (ttlMinutes != null) {
      operation.append("_WITH_EXPIRY");
      data.put("tokenTtlInMinutes", ttlMinutes);
    }
    return new S2sMessage(USER, operation.toString(), data);
  }

  static ObjectNode profile(String profileId) {
    return JSON.objectNode().put("profileId", profileId);
  }
}
