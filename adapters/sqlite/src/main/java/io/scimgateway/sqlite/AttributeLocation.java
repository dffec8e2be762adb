package io.scimgateway.sqlite;

import com.unboundid.scim2.common.types.AttributeDefinition;

/**
 * Where the values of one SCIM attribute path live in a {@code resources} row.
 *
 * <ul>
 *   <li>{@code column}: an indexed column ({@code id}, folded {@code userName}, {@code meta.created},
 *       ...), already in the form comparisons need.
 *   <li>otherwise {@code jsonPath} inside the {@code attributes} JSON: the value itself when
 *       {@code elementPath} is null, or a multi-valued attribute's array, whose elements hold the value
 *       at {@code elementPath} ({@code "$"}: the element itself, for lists of simple values).
 * </ul>
 *
 * @param definition the attribute's schema definition (type, caseExact, sub-attributes)
 * @param column the column holding the value, or null
 * @param folded whether {@code column} holds the value folded to lower case
 * @param jsonPath a SQLite JSON path, or null for a column
 * @param elementPath the path of the value inside each array element, or null for a singular value
 */
record AttributeLocation(AttributeDefinition definition, String column, boolean folded,
    String jsonPath, String elementPath) {

  static AttributeLocation column(AttributeDefinition definition, String column, boolean folded) {
    return new AttributeLocation(definition, column, folded, null, null);
  }

  static AttributeLocation json(AttributeDefinition definition, String jsonPath, String elementPath) {
    return new AttributeLocation(definition, null, false, jsonPath, elementPath);
  }

  boolean multiValued() {
    return elementPath != null;
  }

  AttributeDefinition.Type type() {
    return definition.getType();
  }
}
