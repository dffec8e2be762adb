package io.scimgateway.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The attributes identity providers look resources up by, copied out of the JSON into indexed columns.
 * Case-insensitive attributes (RFC 7643: {@code userName}, {@code displayName}) are also kept folded to
 * lower case, so that comparisons and the uniqueness index ignore case.
 */
record IndexedColumns(String userName, String externalId, String displayName) {

  static IndexedColumns of(ObjectNode attributes) {
    return new IndexedColumns(
        text(attributes, "userName"), text(attributes, "externalId"), text(attributes, "displayName"));
  }

  String userNameFolded() {
    return fold(userName);
  }

  String displayNameFolded() {
    return fold(displayName);
  }

  /** The name a group's {@code members} value shows for this resource (its {@code display}). */
  String memberDisplay() {
    return displayName != null ? displayName : userName;
  }

  /** Folds a case-insensitive value the same way for columns and for filter values. */
  static String fold(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  private static String text(ObjectNode attributes, String name) {
    JsonNode node = attributes.get(name);
    return node == null || node.isNull() ? null : node.asText();
  }
}
