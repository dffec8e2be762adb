package io.scimgateway.sqlite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A piece of SQL and the values bound to its {@code ?} placeholders, in order. */
record SqlFragment(String sql, List<Object> parameters) {

  static final SqlFragment TRUE = new SqlFragment("TRUE", List.of());
  static final SqlFragment FALSE = new SqlFragment("FALSE", List.of());

  SqlFragment {
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
  }

  /** This comparison under a collation (applied to its last operand, a bound value). */
  SqlFragment collated(String collation) {
    return new SqlFragment(sql + " COLLATE " + collation, parameters);
  }

  /** Both conditions. */
  SqlFragment and(SqlFragment other) {
    List<Object> all = new ArrayList<>(parameters);
    all.addAll(other.parameters);
    return new SqlFragment("(" + sql + ") AND (" + other.sql + ")", all);
  }
}
