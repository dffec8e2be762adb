package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.ResourceVersions;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.kit.local.LocalRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A SCIM User read from brainCloud: what local state keeps (as the client wrote it), with what brainCloud holds laid
 * over it: the login id as {@code userName}, {@code playerName} as {@code displayName} and the contact email as the
 * primary email, unless the client's value is kept locally because brainCloud could not take it; {@code meta} from
 * the export's timestamps (and the last local write); groups from the export.
 */
final class UserView {

  static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  /** Local-state keys the gateway keeps for itself, never shown. */
  static final String LOGIN_KEY = "braincloudLogin";
  static final String KEPT_LOCALLY = "braincloudKeptLocally";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private UserView() {
  }

  /**
   * @param profile the user info or page item ({@code playerName}, {@code emailAddress})
   * @param export the user's entry of {@code SYS_GET_USER_EXPORT}
   * @param groups the user's SCIM groups, already resolved; null when the read skipped them
   */
  static StoredResource of(String profileId, JsonNode profile, JsonNode export, Optional<LocalRecord> local,
      ArrayNode groups) {
    ObjectNode scim = local.map(record -> record.attributes().deepCopy()).orElseGet(JSON::objectNode);
    List<String> kept = keptLocally(scim);
    scim.remove(List.of(LOGIN_KEY, KEPT_LOCALLY, "password", "groups"));
    if (!scim.has("schemas")) {
      scim.putArray("schemas").add(USER_SCHEMA);
    }
    String login = login(export);
    if (!login.isEmpty() && !login.equalsIgnoreCase(scim.path("userName").asText(""))) {
      scim.put("userName", login);
    }
    if (!kept.contains("displayName")) {
      overlay(scim, "displayName", profile.path("playerName").asText(""));
    }
    if (!kept.contains("emails")) {
      emails(scim, profile.path("emailAddress").asText(""));
    }
    if (groups != null && !groups.isEmpty()) {
      scim.set("groups", groups);
    }
    JsonNode player = export.path("playerProfile").path(0);
    Instant created = Instant.ofEpochMilli(player.path("createdAt").asLong(0));
    Instant updated = Instant.ofEpochMilli(player.path("updatedAt").asLong(0));
    Instant modified = local.map(LocalRecord::lastModified).filter(updated::isBefore).orElse(updated);
    String version = ResourceVersions.withRelated(ResourceVersions.ofContent(profile,
        export.path("credentials"), player.path("updatedAt"),
        local.<JsonNode>map(LocalRecord::attributes).orElse(JSON.nullNode())), groups);
    return new StoredResource(profileId, scim, created, modified, version);
  }

  /**
   * The login id: the externalId of the Email or Universal identity, else of an External one (a user of an
   * external identity provider), as brainCloud holds it.
   */
  static String login(JsonNode export) {
    String external = "";
    for (JsonNode credential : export.path("credentials")) {
      String type = credential.path("authenticationType").asText();
      if (type.equals("Email") || type.equals("Universal")) {
        return credential.path("externalId").asText("");
      }
      if (type.equals("External") && external.isEmpty()) {
        external = credential.path("externalId").asText("");
      }
    }
    return external;
  }

  /** Which SCIM attributes a user's local state keeps because brainCloud holds another value. */
  static List<String> keptLocally(JsonNode localAttributes) {
    List<String> kept = new ArrayList<>();
    localAttributes.path(KEPT_LOCALLY).forEach(value -> kept.add(value.asText()));
    return kept;
  }

  /** The client's emails while their primary one is brainCloud's contact email; otherwise that email alone. */
  private static void emails(ObjectNode scim, String contact) {
    String primary = primaryEmail(scim);
    if (contact.equalsIgnoreCase(primary)) {
      return;
    }
    scim.remove("emails");
    if (!contact.isEmpty()) {
      scim.putArray("emails").addObject().put("value", contact).put("type", "work").put("primary", true);
    }
  }

  /** The primary email of a SCIM user, else its first; empty when none. */
  static String primaryEmail(JsonNode scim) {
    String first = "";
    for (JsonNode email : scim.path("emails")) {
      if (email.path("primary").asBoolean(false)) {
        return email.path("value").asText("");
      }
      if (first.isEmpty()) {
        first = email.path("value").asText("");
      }
    }
    return first;
  }

  private static void overlay(ObjectNode node, String field, String value) {
    if (value.isEmpty()) {
      node.remove(field);
    } else {
      node.put(field, value);
    }
  }
}
