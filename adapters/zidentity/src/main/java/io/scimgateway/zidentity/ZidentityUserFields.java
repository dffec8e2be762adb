package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.scimgateway.kit.UserNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a ZIdentity user that a SCIM User sets: {@code loginName} (userName),
 * {@code displayName}, {@code firstName} and {@code lastName} (name), {@code primaryEmail} and
 * {@code secondaryEmail} (the primary email and the next one), and {@code status} (active). They are
 * laid over the user as ZIdentity holds it, since its PUT replaces the whole user: fields SCIM does
 * not map (department, custom attributes, phones) are sent back as they were.
 */
final class ZidentityUserFields {

  /** The fields this mapping owns: a SCIM value left out removes them. */
  static final List<String> MAPPED = List.of("loginName", "displayName", "firstName", "lastName",
      "primaryEmail", "secondaryEmail", "status");

  private ZidentityUserFields() {
  }

  /** {@code existing} (a copy) with the SCIM values laid over; {@code status} is always sent. */
  static ObjectNode laidOver(ObjectNode existing, ObjectNode scim) throws BadRequestException {
    ObjectNode user = existing.deepCopy();
    MAPPED.forEach(user::remove);
    String userName = scim.path("userName").asText("");
    if (userName.isBlank()) {
      throw BadRequestException.invalidValue("ZIdentity needs a userName, its loginName.");
    }
    user.put("loginName", userName);
    putUnlessEmpty(user, "displayName", UserNames.displayName(scim));
    putUnlessEmpty(user, "firstName", scim.path("name").path("givenName").asText(""));
    putUnlessEmpty(user, "lastName", scim.path("name").path("familyName").asText(""));
    List<String> emails = emailsPrimaryFirst(scim.path("emails"));
    if (!emails.isEmpty()) {
      user.put("primaryEmail", emails.get(0));
    }
    if (emails.size() > 1) {
      user.put("secondaryEmail", emails.get(1));
    }
    // Always sent, false included: a client that drops false cannot disable anyone.
    user.put("status", scim.path("active").asBoolean(true));
    return user;
  }

  /** The distinct email values, the primary one first. */
  static List<String> emailsPrimaryFirst(JsonNode emails) {
    List<String> values = new ArrayList<>();
    for (JsonNode email : emails) {
      String value = email.path("value").asText("");
      if (!value.isEmpty() && !values.contains(value)) {
        if (email.path("primary").asBoolean(false)) {
          values.add(0, value);
        } else {
          values.add(value);
        }
      }
    }
    return values;
  }

  private static void putUnlessEmpty(ObjectNode user, String field, String value) {
    if (!value.isBlank()) {
      user.put(field, value);
    }
  }
}
