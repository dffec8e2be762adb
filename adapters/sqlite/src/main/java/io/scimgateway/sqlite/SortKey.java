package io.scimgateway.sqlite;

import com.unboundid.scim2.common.types.AttributeDefinition;
import io.scimgateway.spi.Sorting;
import java.util.List;
import java.util.Optional;

/**
 * The SQL value a {@code sortBy} orders by: folded to lower case unless the attribute is a caseExact
 * string (RFC 7644 section 3.4.2.3: "sorting SHALL be performed ... according to caseExact"), date-times
 * normalised to UTC text. Only singular attributes have one.
 *
 * @param sql the expression, NULL for a resource without the value
 * @param parameters what {@code sql} binds
 */
record SortKey(String sql, List<Object> parameters) {

  /** Resources are listed in creation order when no sort is asked for. */
  static final SortKey NONE = new SortKey("NULL", List.of());

  static Optional<SortKey> of(AttributeLocator locator, SqlDialect dialect, Sorting sorting) {
    return locator.locate(sorting.attribute())
        .filter(location -> !location.multiValued())
        .filter(location -> location.type() != AttributeDefinition.Type.COMPLEX)
        .map(location -> of(dialect, location));
  }

  private static SortKey of(SqlDialect dialect, AttributeLocation location) {
    if (location.column() != null) {
      return new SortKey(location.column(), List.of());
    }
    AttributeDefinition definition = location.definition();
    String value = dialect.jsonValue("resources.attributes", definition.getType());
    List<Object> path = List.of(dialect.jsonPath(location.jsonPath()));
    return switch (definition.getType()) {
      case DATETIME -> new SortKey(dialect.utcTime(value), path);
      case STRING, REFERENCE, BINARY -> definition.isCaseExact()
          ? new SortKey(value, path)
          : new SortKey("scim_fold(" + value + ")", path);
      default -> new SortKey(value, path);
    };
  }
}
