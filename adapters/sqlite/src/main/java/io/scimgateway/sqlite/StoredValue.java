package io.scimgateway.sqlite;

import java.util.List;

/**
 * SQL that yields one stored value: a column, a JSON path in the row's document, or a path inside the
 * current element of a {@code json_each} over a multi-valued attribute.
 *
 * @param sql the expression; NULL when the value is absent
 * @param parameters what {@code sql} binds
 * @param jsonType an expression yielding the value's JSON type ({@code 'null'} or NULL when absent)
 * @param typeParameters what {@code jsonType} binds
 */
record StoredValue(String sql, List<Object> parameters, String jsonType, List<Object> typeParameters) {

  /** The value of a singular attribute (or of a sub-attribute inside the scope's element). */
  static StoredValue of(AttributeLocation location, SqlFilterCompiler.Scope scope) {
    if (location.column() != null) {
      return new StoredValue(location.column(), List.of(),
          "CASE WHEN " + location.column() + " IS NULL THEN NULL ELSE 'text' END", List.of());
    }
    if (scope.element() != null && location.multiValued()) {
      return element(location, scope.element());
    }
    return new StoredValue("json_extract(resources.attributes, ?)", List.of(location.jsonPath()),
        "json_type(resources.attributes, ?)", List.of(location.jsonPath()));
  }

  /** The value inside the element {@code alias} of a {@code json_each} over the attribute's array. */
  static StoredValue element(AttributeLocation location, String alias) {
    if (location.elementPath().equals("$")) {
      return new StoredValue(alias + ".value", List.of(), alias + ".type", List.of());
    }
    return new StoredValue("json_extract(" + alias + ".value, ?)", List.of(location.elementPath()),
        "json_type(" + alias + ".value, ?)", List.of(location.elementPath()));
  }
}
