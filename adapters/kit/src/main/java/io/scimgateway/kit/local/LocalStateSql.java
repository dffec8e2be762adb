package io.scimgateway.kit.local;

/**
 * What local state's SQL says differently on SQLite and on PostgreSQL: reading inside the stored
 * JSON. The attribute names given are SCIM attribute names (letters, digits, {@code -} and {@code _}),
 * which {@link LocalState} checks before they are written into a statement. Stateless.
 */
public enum LocalStateSql {

  SQLITE {
    @Override
    String idIn() {
      return "platform_id IN (SELECT value FROM json_each(?))";
    }

    @Override
    String textEquals(String attribute) {
      return "json_extract(attributes, '$." + attribute + "') = ? AND json_type(attributes, '$."
          + attribute + "') = 'text'";
    }

    @Override
    String arrayHolds(String attribute) {
      String path = "'$." + attribute + "'";
      return "json_type(attributes, " + path + ") = 'array' AND EXISTS (SELECT 1 FROM json_each("
          + "attributes, " + path + ") WHERE type = 'text' AND value = ?)";
    }
  },

  POSTGRES {
    @Override
    String idIn() {
      return "platform_id IN (SELECT json_array_elements_text(CAST(? AS json)))";
    }

    @Override
    String textEquals(String attribute) {
      return "json_typeof(attributes -> '" + attribute + "') = 'string' AND attributes ->> '"
          + attribute + "' = ?";
    }

    @Override
    String arrayHolds(String attribute) {
      String value = "attributes -> '" + attribute + "'";
      return "json_typeof(" + value + ") = 'array' AND EXISTS (SELECT 1 FROM json_array_elements("
          + value + ") element WHERE json_typeof(element) = 'string' AND element #>> '{}' = ?)";
    }
  };

  /** The condition "the platform id is one of the bound JSON array of strings"; binds it once. */
  abstract String idIn();

  /** The condition "the top-level {@code attribute} is the bound string"; binds it once. */
  abstract String textEquals(String attribute);

  /** The condition "the top-level array {@code attribute} holds the bound string"; binds it once. */
  abstract String arrayHolds(String attribute);
}
