package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.ResourceVersions;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.spi.StoredResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SCIM User read from Appwrite: what the gateway keeps locally (as the client wrote it), with what
 * Appwrite holds laid over it, since Appwrite's values win when someone changed them there. A user
 * made in Appwrite itself, with nothing local, still reads as a complete SCIM User.
 */
final class AppwriteUserView {

  static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AppwriteUserView() {
  }

  static StoredResource of(ObjectNode user, Optional<LocalRecord> local, ArrayNode groups) {
    ObjectNode scim = local.map(record -> record.attributes().deepCopy())
        .orElseGet(() -> {
          ObjectNode fresh = JSON.objectNode();
          fresh.putArray("schemas").add(USER_SCHEMA);
          return fresh;
        });
    String email = user.path("email").asText("");
    String localUserName = scim.path("userName").asText("");
    // A userName that is an email address lives in Appwrite's email, which may have changed there;
    // any other userName lives only in local state.
    boolean inAppwrite = localUserName.isEmpty() || AppwriteUser.isEmail(localUserName);
    if (inAppwrite && !email.isEmpty() && !localUserName.equalsIgnoreCase(email)) {
      scim.put("userName", email);
    }
    String name = user.path("name").asText("");
    if (name.isEmpty()) {
      scim.remove("displayName");
    } else {
      scim.put("displayName", name);
    }
    boolean status = user.path("status").asBoolean(true);
    if (!status || local.isEmpty() || scim.has("active")) {
      scim.put("active", status); // a client that never wrote active reads none back while it holds
    }
    entitlements(scim, user.path("labels"));
    if (local.isEmpty()) {
      madeInAppwrite(scim, email, user.path("phone").asText(""));
    }
    for (String preference : AppwriteUser.PREFERENCES) {
      JsonNode value = user.path("prefs").get(preference);
      if (value == null || value.isNull()) {
        scim.remove(preference);
      } else {
        scim.set(preference, value);
      }
    }
    scim.remove("password");
    scim.remove("groups");
    if (groups != null && !groups.isEmpty()) {
      scim.set("groups", groups);
    }
    ArrayNode groupIds = null;
    if (groups != null) {
      groupIds = JSON.arrayNode();
      groups.findValuesAsText("value").stream().sorted().forEach(groupIds::add);
    }
    String version = ResourceVersions.withRelated(ResourceVersions.ofContent(
        JSON.textNode(user.path("$updatedAt").asText("")),
        local.<JsonNode>map(LocalRecord::attributes).orElse(JSON.nullNode())), groupIds);
    return AppwriteTimes.stored(user, scim, local, version);
  }

  /** A user made in Appwrite itself, never written through SCIM: its email and phone as SCIM values. */
  private static void madeInAppwrite(ObjectNode scim, String email, String phone) {
    if (!email.isEmpty()) {
      scim.putArray("emails").addObject().put("value", email).put("primary", true);
    }
    if (!phone.isEmpty()) {
      scim.putArray("phoneNumbers").addObject().put("value", phone).put("primary", true);
    }
  }

  /** Labels as entitlements, keeping the display, type and primary the client gave each value. */
  private static void entitlements(ObjectNode scim, JsonNode labels) {
    Map<String, JsonNode> written = new HashMap<>();
    for (JsonNode entitlement : scim.path("entitlements")) {
      written.putIfAbsent(entitlement.path("value").asText(), entitlement);
    }
    if (labels.isEmpty()) {
      scim.remove("entitlements");
      return;
    }
    ArrayNode entitlements = JSON.arrayNode();
    for (JsonNode label : labels) {
      JsonNode known = written.get(label.asText());
      entitlements.add(known != null ? known : JSON.objectNode().put("value", label.asText()));
    }
    scim.set("entitlements", entitlements);
  }

  /** A user's teams as SCIM {@code groups}. */
  static ArrayNode groups(List<JsonNode> memberships) {
    ArrayNode groups = JSON.arrayNode();
    for (JsonNode membership : memberships) {
      groups.addObject().put("value", membership.path("teamId").asText())
          .put("display", membership.path("teamName").asText())
          .put("type", "direct");
    }
    return groups;
  }
}
