package io.scimgateway.gateway.core.query;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaChecker;
import io.scimgateway.gateway.core.Brackets;
import io.scimgateway.gateway.core.ClientCompatibility;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.spi.Sorting;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the parameters of a list or search request (RFC 7644 section 3.4.2, RFC 9865): the filter
 * with the SDK's parser, checked against the resource type's schemas so that an unknown attribute or a
 * comparison its type does not allow is a {@code 400 invalidFilter} rather than an empty result;
 * {@code sortBy} and {@code sortOrder}; paging. Thread-safe.
 */
public final class ListQueryParser {

  private final ResourceTypeDefinition resourceType;
  private final SchemaChecker checker;
  private final FilterTypeCheck typeCheck;
  private final GatewayLimits limits;
  private final ClientCompatibility compatibility;

  public ListQueryParser(ResourceTypeDefinition resourceType, GatewayLimits limits,
      ClientCompatibility compatibility) {
    this.resourceType = resourceType;
    this.checker = new SchemaChecker(resourceType);
    this.typeCheck = new FilterTypeCheck(resourceType, compatibility);
    this.limits = limits;
    this.compatibility = compatibility;
  }

  /** The request's parameters, as text from a query string or a search body. */
  public record Parameters(String filter, String sortBy, String sortOrder, String startIndex,
      String count, String cursor) {
  }

  public ListQuery parse(Parameters parameters) throws ScimException {
    Long startIndex = number("startIndex", parameters.startIndex());
    if (parameters.cursor() != null && startIndex != null) {
      throw BadRequestException.invalidValue("startIndex and cursor choose two ways of paging; send "
          + "one of them (RFC 9865 section 2).");
    }
    return new ListQuery(parseFilter(parameters.filter()),
        sorting(parameters.sortBy(), parameters.sortOrder()),
        startIndex == null ? 1 : startIndex, count(parameters.count()),
        parameters.cursor());
  }

  /** Parses and checks a filter for this resource type. */
  public Filter parseFilter(String text) throws ScimException {
    Filter filter = parseUnchecked(text, limits, compatibility);
    return filter == null ? null : check(filter);
  }

  /**
   * A filter of a search across resource types, for this type: comparisons on attributes this type
   * lacks act as on a resource without the value. Empty when the filter names none of its attributes.
   */
  public Optional<Filter> forSearchAcrossTypes(Filter parsed) throws ScimException {
    if (parsed == null) {
      return Optional.empty();
    }
    Filter forType = UnknownAttributes.forType(parsed, resourceType);
    return forType == null ? Optional.empty() : Optional.of(check(forType));
  }

  /** Parses a filter's syntax only; null for none. */
  public static Filter parseUnchecked(String text, GatewayLimits limits,
      ClientCompatibility compatibility) throws BadRequestException {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > limits.maxFilterLength()) {
      throw BadRequestException.invalidFilter("The filter is " + text.length() + " characters long; "
          + "this gateway accepts at most " + limits.maxFilterLength() + " (limits.maxFilterLength).");
    }
    requireBalanced(text);
    String normalized = compatibility.valuePathComparisons()
        ? ValuePathComparison.normalize(text) : text;
    Filter filter;
    try {
      filter = Filter.fromString(normalized);
    } catch (BadRequestException e) {
      throw BadRequestException.invalidFilter("The filter cannot be parsed: " + e.getMessage());
    }
    return filter;
  }

  /** Checks a parsed filter against this type's schemas and attribute types. */
  public Filter check(Filter filter) throws ScimException {
    checker.checkSearch(filter).throwSchemaExceptions();
    return typeCheck.check(filter);
  }

  private static void requireBalanced(String text) throws BadRequestException {
    String unpaired = Brackets.unpaired(text);
    if (unpaired != null) {
      throw BadRequestException.invalidFilter("The filter cannot be parsed: its " + unpaired
          + " do not pair up.");
    }
  }

  private Sorting sorting(String sortBy, String sortOrder) throws BadRequestException {
    boolean descending = false;
    if (sortOrder != null && !sortOrder.isBlank()) {
      String order = sortOrder.trim().toLowerCase(Locale.ROOT);
      if (!order.equals("ascending") && !order.equals("descending")) {
        throw BadRequestException.invalidValue("sortOrder must be \"ascending\" or \"descending\", "
            + "not \"" + sortOrder + "\".");
      }
      descending = order.equals("descending");
    }
    if (sortBy == null || sortBy.isBlank()) {
      return null;
    }
    Path path;
    try {
      path = resourceType.normalizePath(Path.fromString(sortBy.trim())).withoutFilters();
    } catch (BadRequestException e) {
      throw BadRequestException.invalidValue("sortBy \"" + sortBy + "\" is not an attribute path: "
          + e.getMessage());
    }
    AttributeDefinition definition = resourceType.getAttributeDefinition(path);
    if (definition == null) {
      throw BadRequestException.invalidValue("sortBy \"" + sortBy + "\" is not an attribute of "
          + resourceType.getName() + ".");
    }
    if (definition.isMultiValued() || definition.getType() == AttributeDefinition.Type.COMPLEX) {
      throw BadRequestException.invalidValue("sortBy \"" + sortBy + "\" is "
          + (definition.isMultiValued() ? "multi-valued" : "complex")
          + "; sort by a singular attribute such as userName or name.familyName.");
    }
    return new Sorting(path, descending);
  }

  private static Integer count(String text) throws BadRequestException {
    Long count = number("count", text);
    return count == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, count));
  }

  /** A whole-number query parameter such as {@code startIndex}; null when absent. */
  public static Long number(String name, String text) throws BadRequestException {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw BadRequestException.invalidValue(name + " must be an integer, not \"" + text + "\".");
    }
  }
}
