package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of a SpaceONE user that a SCIM User sets, checked against SpaceONE's storage rules
 * before any call, so that a refusal names the SCIM attribute: {@code user_id} (userName, at most 40
 * characters, in email form for a local user, never renamed), {@code name} (displayName, 128),
 * {@code email} (the primary email, 255), {@code language} (preferredLanguage, else locale; 7),
 * {@code timezone} (a tz database zone, as pytz takes) and {@code user_type} (userType
 * {@code USER} or {@code API_USER}; other userTypes stay in local state and the user is a USER).
 */
final class SpaceoneUserFields {

  /** The platform fields this mapping sets and the gateway remembers after each write. */
  static final List<String> MAPPED = List.of("user_id", "name", "email", "language", "timezone",
      "user_type");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Python's re.match of identity's rule: anchored at the start only. */
  private static final Pattern USER_ID_FORM = Pattern.compile("[^@]+@[^@]+\\.[^@]+");
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
  private static final Set<String> USER_TYPES = Set.of("USER", "API_USER");

  private SpaceoneUserFields() {
  }

  /** The fields of a create: all that the SCIM User has, checked. */
  static ObjectNode forCreate(ObjectNode scim) throws BadRequestException {
    ObjectNode fields = mapped(scim);
    String userType = fields.path("user_type").asText("USER");
    String userId = fields.get("user_id").asText();
    if (userType.equals("USER") && !USER_ID_FORM.matcher(userId).lookingAt()) {
      throw BadRequestException.invalidValue("SpaceONE needs a local user's userName (its user_id) in "
          + "email form, such as name@example.com, not '" + userId + "'. API users (userType "
          + "API_USER) may have any userName.");
    }
    return fields;
  }

  /**
   * The fields of an update: those whose value differs from the user as SpaceONE holds it. A
   * userName or userType change is refused, since SpaceONE cannot rename a user or change its type;
   * language and timezone a client leaves out are left as they are (SpaceONE cannot empty them).
   */
  static ObjectNode changed(ObjectNode user, ObjectNode scim) throws BadRequestException {
    ObjectNode fields = mapped(scim);
    if (!fields.get("user_id").asText().equalsIgnoreCase(user.path("user_id").asText())) {
      throw BadRequestException.mutability("SpaceONE cannot rename a user: userName is its user_id. "
          + "Create a user with the new userName and delete this one instead.");
    }
    if (fields.has("user_type") && !fields.get("user_type").equals(user.path("user_type"))) {
      throw BadRequestException.mutability("SpaceONE cannot change a user's type (" + user.path(
          "user_type").asText() + "): userType USER or API_USER is fixed when the user is created.");
    }
    ObjectNode changed = JSON.objectNode();
    for (String field : List.of("name", "email", "language", "timezone")) {
      JsonNode value = fields.has(field) ? fields.get(field)
          : List.of("name", "email").contains(field) ? JSON.textNode("") : null;
      if (value != null && !value.equals(user.path(field))) {
        changed.set(field, value);
      }
    }
    return changed;
  }

  private static ObjectNode mapped(ObjectNode scim) throws BadRequestException {
    ObjectNode fields = JSON.objectNode();
    String userName = scim.path("userName").asText("").strip();
    if (userName.isEmpty() || userName.length() > 40) {
      throw BadRequestException.invalidValue("SpaceONE takes a userName (its user_id) of 1 to 40 "
          + "characters; '" + userName + "' has " + userName.length() + ".");
    }
    fields.put("user_id", userName);
    put(fields, "name", scim.path("displayName").asText("").strip(), 128, "displayName");
    put(fields, "email", primaryEmail(scim), 255, "the primary email");
    String language = scim.path("preferredLanguage").asText(scim.path("locale").asText("")).strip();
    put(fields, "language", language, 7, "preferredLanguage (or locale)");
    String timezone = scim.path("timezone").asText("").strip();
    if (!timezone.isEmpty() && (!ZONES.contains(timezone) || timezone.startsWith("SystemV/"))) {
      throw BadRequestException.invalidValue("SpaceONE takes a timezone from the tz database, such as "
          + "Europe/Berlin or Asia/Seoul; '" + timezone + "' is not one.");
    }
    put(fields, "timezone", timezone, 50, "timezone");
    String userType = scim.path("userType").asText("").strip().toUpperCase(Locale.ROOT);
    if (USER_TYPES.contains(userType)) {
      fields.put("user_type", userType);
    }
    return fields;
  }

  private static void put(ObjectNode fields, String field, String value, int max, String attribute)
      throws BadRequestException {
    if (value.length() > max) {
      throw BadRequestException.invalidValue("SpaceONE keeps at most " + max + " characters of "
          + attribute + "; this one has " + value.length() + ".");
    }
    if (!value.isEmpty()) {
      fields.put(field, value);
    }
  }

  /** The primary email's value, else the first one's; empty when there is none. */
  static String primaryEmail(ObjectNode scim) {
    String first = "";
    for (JsonNode email : scim.path("emails")) {
      String value = email.path("value").asText("").strip();
      if (email.path("primary").asBoolean(false) && !value.isEmpty()) {
        return value;
      }
      if (first.isEmpty()) {
        first = value;
      }
    }
    return first;
  }
}
