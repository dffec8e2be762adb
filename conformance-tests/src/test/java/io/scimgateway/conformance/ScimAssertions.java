package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Assertions on SCIM responses shared by the conformance tests. */
final class ScimAssertions {

  static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  private ScimAssertions() {
  }

  /** The status, with the whole response in the failure message. */
  static void assertStatus(int expected, ScimResponse response) {
    assertEquals(expected, response.status(), () -> "Unexpected status: " + response);
  }

  /**
   * A SCIM error (RFC 7644 section 3.12): the Error schema, {@code status} as a string equal to the
   * HTTP status, a non-empty {@code detail}, and no {@code scimType} other than the allowed ones
   * (none given: the RFC defines none for this status, so any is accepted).
   */
  static void assertScimError(ScimResponse response, int status, String... allowedScimTypes) {
    assertStatus(status, response);
    JsonNode body = response.json();
    assertTrue(body.isObject(), () -> "The error has no JSON body: " + response);
    assertTrue(contains(body.path("schemas"), ERROR_SCHEMA),
        () -> "schemas must contain " + ERROR_SCHEMA + ": " + response);
    assertTrue(body.path("status").isTextual(), () -> "status must be a JSON string: " + response);
    assertEquals(Integer.toString(status), body.path("status").asText(),
        () -> "status must repeat the HTTP status: " + response);
    assertTrue(body.path("detail").isTextual() && !body.path("detail").asText().isBlank(),
        () -> "detail must be a non-empty string: " + response);
    if (allowedScimTypes.length > 0) {
      List<String> allowed = Arrays.asList(allowedScimTypes);
      assertTrue(allowed.contains(body.path("scimType").asText(null)),
          () -> "scimType must be " + String.join(" or ", allowed) + ": " + response);
    }
  }

  /** A ListResponse (RFC 7644 section 3.4.2) and its paging numbers. */
  static void assertListResponse(ScimResponse response, long totalResults, long itemsPerPage,
      long startIndex) {
    assertStatus(200, response);
    JsonNode body = response.json();
    assertTrue(contains(body.path("schemas"), LIST_SCHEMA),
        () -> "schemas must contain " + LIST_SCHEMA + ": " + response);
    assertEquals(totalResults, body.path("totalResults").asLong(-1), () -> "totalResults: " + response);
    assertEquals(itemsPerPage, body.path("itemsPerPage").asLong(-1), () -> "itemsPerPage: " + response);
    assertEquals(startIndex, body.path("startIndex").asLong(-1), () -> "startIndex: " + response);
    assertEquals(itemsPerPage, resources(response).size(), () -> "Resources size: " + response);
  }

  /** The {@code Resources} of a list response; missing counts as none. */
  static List<JsonNode> resources(ScimResponse response) {
    List<JsonNode> list = new ArrayList<>();
    response.json().path("Resources").forEach(list::add);
    return list;
  }

  /** The ids of the {@code Resources} of a list response, in order. */
  static List<String> ids(ScimResponse response) {
    List<String> ids = new ArrayList<>();
    for (JsonNode resource : resources(response)) {
      ids.add(resource.path("id").asText());
    }
    return ids;
  }

  /** The {@code value}s of a multi-valued attribute such as {@code members} or {@code groups}. */
  static Set<String> values(JsonNode multiValued) {
    Set<String> values = new TreeSet<>();
    multiValued.forEach(value -> values.add(value.path("value").asText()));
    return values;
  }

  /** The element of a multi-valued attribute whose {@code value} is {@code value}, or a missing node. */
  static JsonNode valueOf(JsonNode multiValued, String value) {
    for (JsonNode element : multiValued) {
      if (value.equals(element.path("value").asText())) {
        return element;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  static boolean contains(JsonNode array, String text) {
    for (JsonNode element : array) {
      if (text.equals(element.asText())) {
        return true;
      }
    }
    return false;
  }

  static void assertAbsent(JsonNode node, String field) {
    assertFalse(node.has(field), () -> "\"" + field + "\" must not be returned: " + node);
  }

  static void assertPresent(JsonNode node, String field) {
    assertTrue(node.has(field) && !node.get(field).isNull(),
        () -> "\"" + field + "\" must be returned: " + node);
  }
}
