package io.scimgateway.sqlite;

import java.util.List;

/** A piece of SQL and the values bound to its {@code ?} placeholders, in order. */
record SqlFragment(String sql, List<Object> parameters) {

  static final SqlFragment TRUE = new SqlFragment("1", List.of());
  static final SqlFragment FALSE = new SqlFragment("0", List.of());

  SqlFragment {
    parameters = List.copyOf(parameters);
  }
}
