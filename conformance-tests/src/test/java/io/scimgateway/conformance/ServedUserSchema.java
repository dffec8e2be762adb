package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the gateway under test says of a User attribute in {@code /Schemas}: a backend that reads a
 * user's {@code groups} (or {@code roles}, {@code entitlements}) with platform calls of their own
 * serves it returned on request, so tests expect it in a response only when {@code returned} says so.
 */
final class ServedUserSchema {

  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

  private ServedUserSchema() {
  }

  /** The attribute's {@code returned} characteristic as served: default, request, always or never. */
  static String returned(ScimSession scim, String attribute) {
    ScimResponse schema = scim.get("/Schemas/" + USER);
    assertEquals(200, schema.status(), schema::toString);
    for (JsonNode each : schema.json().path("attributes")) {
      if (each.path("name").asText().equalsIgnoreCase(attribute)) {
        return each.path("returned").asText("default");
      }
    }
    throw new AssertionError("/Schemas has no User attribute " + attribute + ": " + schema);
  }

  /** Whether a response that names no attributes holds {@code attribute}. */
  static boolean returnedByDefault(ScimSession scim, String attribute) {
    return !returned(scim, attribute).equals("request");
  }
}
