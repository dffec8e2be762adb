package io.scimgateway.gateway.core;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaChecker;

/**
 * Parses the query parameters of a list or search request (RFC 7644 section 3.4.2): the filter with
 * the SDK's parser, checked against the resource type's schemas so that an unknown attribute is a
 * {@code 400 invalidFilter} rather than an empty result. Thread-safe.
 */
public final class ListQueryParser {

  private final SchemaChecker checker;
  private final GatewayLimits limits;

  public ListQueryParser(ResourceTypeDefinition resourceType, GatewayLimits limits) {
    this.checker = new SchemaChecker(resourceType);
    this.limits = limits;
  }

  /** Parses query-string parameters, where numbers arrive as text. */
  public ListQuery parse(String filter, String startIndex, String count) throws ScimException {
    return parse(filter, integer("startIndex", startIndex), integer("count", count));
  }

  public ListQuery parse(String filter, Integer startIndex, Integer count) throws ScimException {
    return new ListQuery(parseFilter(filter), startIndex == null ? 1 : startIndex, count);
  }

  private static Integer integer(String name, String text) throws BadRequestException {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw BadRequestException.invalidValue(name + " must be an integer, not \"" + text + "\".");
    }
  }

  private Filter parseFilter(String text) throws ScimException {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > limits.maxFilterLength()) {
      throw BadRequestException.invalidFilter("The filter is " + text.length() + " characters long; "
          + "this gateway accepts at most " + limits.maxFilterLength() + ".");
    }
    Filter filter;
    try {
      filter = Filter.fromString(text);
    } catch (BadRequestException e) {
      throw BadRequestException.invalidFilter("The filter cannot be parsed: " + e.getMessage());
    }
    checker.checkSearch(filter).throwSchemaExceptions();
    return filter;
  }
}
