package io.scimgateway.sqlite;

import java.util.List;

/**
 * SQL that yields one stored value: a column, a JSON path in the row's document, or a path inside the
 * current element of the elements of a multi-valued attribute ({@link SqlDialect#jsonElements}).
 *
 * @param sql the expression; NULL when the value is absent
 * @param parameters what {@code sql} binds
 * @param jsonType an expression yielding the value's JSON type ({@code 'null'} or NULL when absent)
 * @param typeParameters what {@code jsonType} binds
 */
record StoredValue(String sql, List<Object> parameters, String jsonType, List<Object> typeParameters) {

  /** The value of a singular attribute (or of a sub-attribute inside the scope's element). */
  static StoredValue of(SqlDialect dialect, AttributeLocation location, SqlFilterCompiler.Scope scope) {
    if (location.column() != null) {
      return new StoredValue(location.column(), List.of(),
          "CASE WHEN " + location.column() + " IS NULL THEN NULL ELSE 'text' END", List.of());
    }
    if (scope.element() != null && location.multiValued()) {
      return element(dialect, location, scope.element());
    }
    List<Object> path = List.of(dialect.jsonPath(location.jsonPath()));
    return new StoredValue(dialect.jsonValue("resources.attributes", location.type()), path,
        dialect.jsonType("resources.attributes"), path);
  }

  /** The value inside the element {@code alias} of the elements of the attribute's array. */
  static StoredValue element(SqlDialect dialect, AttributeLocation location, String alias) {
    if (location.elementPath().equals("$")) {
      return new StoredValue(dialect.elementValue(alias, location.type()), List.of(),
          dialect.elementType(alias), List.of());
    }
    String document = dialect.elementDocument(alias);
    List<Object> path = List.of(dialect.jsonPath(location.elementPath()));
    return new StoredValue(dialect.jsonValue(document, location.type()), path,
        dialect.jsonType(document), path);
  }
}
