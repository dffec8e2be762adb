package io.scimgateway.emulator.braincloud;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** One brainCloud user (profile) as the emulator holds it; guarded by its {@link BcApp}. */
final class BcUser {

  static final String EMAIL = "Email";
  static final String UNIVERSAL = "Universal";
  static final String EXTERNAL = "External";
  /** Fields page queries sort and select by that their items leave out. */
  static final Set<String> HIDDEN = Set.of("createdAt");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  final String profileId;
  final long createdAt;
  String playerName;
  String emailAddress;
  String password;
  /** The external authentication type of an External identity (its {@code authSubType}); null for none. */
  String externalAuthType;
  long updatedAt;
  /** Login identities: authentication type to externalId. */
  final Map<String, String> identities = new LinkedHashMap<>();

  BcUser(String profileId, long now) {
    this.profileId = profileId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** What SYS_GET_USER_INFO answers. */
  ObjectNode info() {
    ObjectNode info = JSON.objectNode();
    info.put("emailAddress", emailAddress).put("playerName", playerName).put("profileId", profileId)
        .put("countryCode", "CA").put("timeZoneOffset", -5.0);
    info.putObject("summaryFriendData");
    return info;
  }

  /** What a SYS_GET_PAGE query sees of the user: its item and when it was created. */
  ObjectNode document() {
    return info().put("createdAt", createdAt);
  }

  /** The user's entry of a SYS_GET_USER_EXPORT answer (entities left out, as asked with includeEntities false). */
  ObjectNode export() {
    ObjectNode export = JSON.objectNode();
    export.putArray("appEmailAccounts");
    export.putArray("childEntities");
    identities.forEach((type, externalId) -> export.withArray("credentials").addObject()
        .put("externalId", externalId).put("authenticationType", type)
        .put("authSubType", type.equals(EXTERNAL) ? externalAuthType : ""));
    export.withArray("credentials");
    export.putObject("groups").putArray("groups");
    export.putArray("leaderboardScores");
    export.putObject("playerCurrency");
    export.putArray("playerProfile").addObject().put("playerName", playerName).put("countryCode", "CA")
        .put("languageCode", "en").put("timeZoneOffset", -5.0).put("createdAt", createdAt)
        .put("updatedAt", updatedAt).put("lastLogin", 0).put("loginCount", 0).put("isTester", false)
        .put("emailAddress", emailAddress);
    export.putObject("playerStatistics");
    return export;
  }
}
