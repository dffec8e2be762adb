package io.scimgateway.sqlite;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.spi.FilterSupport;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SCIM attributes held in indexed columns, with how each compares: case-insensitive attributes are
 * stored and compared folded to lower case.
 */
enum IndexedAttribute {
  ID("id", "id", false),
  USER_NAME("username", "user_name_ci", true),
  EXTERNAL_ID("externalid", "external_id", false),
  DISPLAY_NAME("displayname", "display_name_ci", true);

  /** The operators the compiler turns into SQL; ordering operators are left to the core for now. */
  static final Set<FilterType> OPERATORS = EnumSet.of(FilterType.EQUAL, FilterType.NOT_EQUAL,
      FilterType.CONTAINS, FilterType.STARTS_WITH, FilterType.ENDS_WITH, FilterType.PRESENT);

  /** The filter support of the embedded store: exact for these attributes and operators. */
  static final FilterSupport SUPPORT = (path, operator) ->
      of(path).isPresent() && OPERATORS.contains(operator)
          ? FilterSupport.Support.EXACT
          : FilterSupport.Support.NONE;

  private final String lowerCaseName;
  final String column;
  final boolean folded;

  IndexedAttribute(String lowerCaseName, String column, boolean folded) {
    this.lowerCaseName = lowerCaseName;
    this.column = column;
    this.folded = folded;
  }

  /** The indexed attribute a path names: a top-level core attribute, matched case-insensitively. */
  static Optional<IndexedAttribute> of(Path path) {
    if (path.size() != 1 || path.getElement(0).getValueFilter() != null) {
      return Optional.empty();
    }
    String urn = path.getSchemaUrn();
    if (urn != null && !urn.startsWith("urn:ietf:params:scim:schemas:core:2.0:")) {
      return Optional.empty();
    }
    String name = path.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
    for (IndexedAttribute attribute : values()) {
      if (attribute.lowerCaseName.equals(name)) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }

  /** A filter value as this attribute's column holds it. */
  String columnValue(String value) {
    return folded ? IndexedColumns.fold(value) : value;
  }
}
