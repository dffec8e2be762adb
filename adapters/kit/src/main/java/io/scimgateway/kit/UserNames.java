package io.scimgateway.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A SCIM User's name as one string, for platforms that hold a single display name. */
public final class UserNames {

  private UserNames() {
  }

  /** {@code displayName}, else {@code name.formatted}, else given and family name; empty when none. */
  public static String displayName(ObjectNode scim) {
    String display = scim.path("displayName").asText("");
    if (!display.isBlank()) {
      return display;
    }
    JsonNode name = scim.path("name");
    String formatted = name.path("formatted").asText("");
    if (!formatted.isBlank()) {
      return formatted;
    }
    return (name.path("givenName").asText("") + " " + name.path("familyName").asText("")).trim();
  }
}
