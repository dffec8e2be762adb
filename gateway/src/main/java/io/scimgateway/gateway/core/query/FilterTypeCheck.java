package io.scimgateway.gateway.core.query;

import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.core.ClientCompatibility;
import io.scimgateway.gateway.core.UserNames;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that every comparison in a filter makes sense for its attribute's type (RFC 7644 section
 * 3.4.2.2), so that a nonsensical filter is a {@code 400 invalidFilter} with a reason rather than an
 * empty result, and returns the filter in the form backends and the SDK's evaluator agree on: a
 * comparison on a multi-valued complex attribute without a sub-attribute ({@code emails co "@x"})
 * compares its {@code value} sub-attribute. Thread-safe.
 */
final class FilterTypeCheck {

  private static final Set<FilterType> SUBSTRING =
      EnumSet.of(FilterType.CONTAINS, FilterType.STARTS_WITH, FilterType.ENDS_WITH);
  private static final Set<FilterType> ORDERING = EnumSet.of(FilterType.GREATER_THAN,
      FilterType.GREATER_OR_EQUAL, FilterType.LESS_THAN, FilterType.LESS_OR_EQUAL);

  private final ResourceTypeDefinition resourceType;
  private final ClientCompatibility compatibility;

  FilterTypeCheck(ResourceTypeDefinition resourceType, ClientCompatibility compatibility) {
    this.resourceType = resourceType;
    this.compatibility = compatibility;
  }

  Filter check(Filter filter) throws BadRequestException {
    return check(filter, null);
  }

  private Filter check(Filter filter, Path parent) throws BadRequestException {
    return switch (filter.getFilterType()) {
      case AND -> Filter.and(checkAll(filter.getCombinedFilters(), parent));
      case OR -> Filter.or(checkAll(filter.getCombinedFilters(), parent));
      case NOT -> Filter.not(check(filter.getInvertedFilter(), parent));
      case COMPLEX_VALUE -> valueFilter((ComplexValueFilter) filter, parent);
      default -> comparison(filter, parent);
    };
  }

  private List<Filter> checkAll(List<Filter> filters, Path parent) throws BadRequestException {
    List<Filter> checked = new ArrayList<>();
    for (Filter each : filters) {
      checked.add(check(each, parent));
    }
    return checked;
  }

  private Filter valueFilter(ComplexValueFilter filter, Path parent) throws BadRequestException {
    Path attribute = filter.getAttributePath().withoutFilters();
    AttributeDefinition definition = definition(resolve(attribute, parent), filter);
    if (parent != null || definition.getType() != AttributeDefinition.Type.COMPLEX) {
      throw BadRequestException.invalidFilter("\"" + attribute + "[...]\" filters the values of "
          + "an attribute, so " + attribute + " must be a complex attribute of this resource.");
    }
    return Filter.hasComplexValue(canonical(filter.getAttributePath(), parent),
        check(filter.getValueFilter(), resolve(attribute, parent)));
  }

  private Filter comparison(Filter filter, Path parent) throws BadRequestException {
    AttributeDefinition definition = definition(resolve(filter.getAttributePath(), parent), filter);
    Path path = canonical(filter.getAttributePath(), parent);
    FilterType operator = filter.getFilterType();
    if (definition.getType() == AttributeDefinition.Type.COMPLEX && operator != FilterType.PRESENT) {
      AttributeDefinition value = subAttribute(definition, "value");
      if (value == null || !definition.isMultiValued()) {
        throw BadRequestException.invalidFilter("\"" + path + "\" is a complex attribute: compare "
            + "one of its sub-attributes instead, e.g. " + path + "." + firstSubAttribute(definition)
            + ".");
      }
      path = path.attribute("value");
      definition = value;
    }
    if (operator == FilterType.PRESENT) {
      return Filter.pr(path);
    }
    ValueNode value = filter.getComparisonValue();
    if (definition.getType() == AttributeDefinition.Type.BOOLEAN) {
      value = (ValueNode) compatibility.booleanOf(value); // Entra writes "True"/"False"
    }
    checkValue(operator, path, definition, value);
    if (value != null && value.isTextual() && parent == null && path.getSchemaUrn() == null
        && path.size() == 1 && path.getElement(0).getAttribute().equals(UserNames.USER_NAME)) {
      value = TextNode.valueOf(UserNames.nfc(value.textValue()));
    }
    return rebuild(operator, path, value);
  }

  private static void checkValue(FilterType operator, Path path, AttributeDefinition definition,
      ValueNode value) throws BadRequestException {
    String type = definition.getType().getName();
    if (value == null || value.isNull()) {
      if (operator != FilterType.EQUAL && operator != FilterType.NOT_EQUAL) {
        throw BadRequestException.invalidFilter("\"" + operator.getStringValue() + " null\" is not "
            + "a comparison; use \"" + path + " pr\" or \"not (" + path + " pr)\".");
      }
      return;
    }
    boolean valueFits = switch (definition.getType()) {
      case BOOLEAN -> value.isBoolean();
      case INTEGER -> value.isIntegralNumber();
      case DECIMAL -> value.isNumber();
      case DATETIME -> value.isTextual() && isDateTime(value.textValue());
      default -> value.isTextual();
    };
    if (!valueFits) {
      throw BadRequestException.invalidFilter(path + " is of type " + type + ", but the filter "
          + "compares it with " + value + exampleOf(definition.getType()));
    }
    boolean textual = definition.getType() == AttributeDefinition.Type.STRING
        || definition.getType() == AttributeDefinition.Type.REFERENCE;
    if (SUBSTRING.contains(operator) && !textual) {
      throw BadRequestException.invalidFilter("\"" + operator.getStringValue() + "\" compares "
          + "strings, but " + path + " is of type " + type + "; use eq or ne"
          + (definition.getType() == AttributeDefinition.Type.BOOLEAN ? "." : ", gt, ge, lt or le."));
    }
    boolean unordered = definition.getType() == AttributeDefinition.Type.BOOLEAN
        || definition.getType() == AttributeDefinition.Type.BINARY;
    if (ORDERING.contains(operator) && unordered) {
      throw BadRequestException.invalidFilter("\"" + operator.getStringValue() + "\" orders "
          + "values, but " + path + " is of type " + type + ", which has no order (RFC 7644 "
          + "section 3.4.2.2); use eq or ne.");
    }
  }

  private static String exampleOf(AttributeDefinition.Type type) {
    return switch (type) {
      case BOOLEAN -> "; write true or false without quotes.";
      case INTEGER, DECIMAL -> "; write a number without quotes.";
      case DATETIME -> "; write an ISO 8601 date-time in quotes, e.g. \"2026-01-31T08:00:00Z\".";
      default -> "; write a string in double quotes.";
    };
  }

  static boolean isDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      try {
        Instant.parse(text);
        return true;
      } catch (DateTimeParseException again) {
        return false;
      }
    }
  }

  private static Filter rebuild(FilterType operator, Path path, ValueNode value) {
    return switch (operator) {
      case EQUAL -> Filter.eq(path, value);
      case NOT_EQUAL -> Filter.ne(path, value);
      case CONTAINS -> Filter.co(path, value);
      case STARTS_WITH -> Filter.sw(path, value);
      case ENDS_WITH -> Filter.ew(path, value);
      case GREATER_THAN -> Filter.gt(path, value);
      case GREATER_OR_EQUAL -> Filter.ge(path, value);
      case LESS_THAN -> Filter.lt(path, value);
      case LESS_OR_EQUAL -> Filter.le(path, value);
      default -> throw new IllegalArgumentException("not a comparison: " + operator);
    };
  }

  private AttributeDefinition definition(Path path, Filter filter) throws BadRequestException {
    AttributeDefinition definition = resourceType.getAttributeDefinition(path);
    if (definition == null) {
      throw BadRequestException.invalidFilter("The filter \"" + filter + "\" names \"" + path
          + "\", which is not an attribute of " + resourceType.getName() + ".");
    }
    return definition;
  }

  /**
   * The path with each attribute spelled as its schema does ({@code NAME.FAMILYNAME} becomes
   * {@code name.familyName}), so that the gateway's own evaluation finds the attribute in a
   * resource's JSON, where names are matched exactly. Relative to {@code parent} inside a value filter.
   */
  private Path canonical(Path path, Path parent) {
    boolean core = path.getSchemaUrn() == null
        || path.getSchemaUrn().equalsIgnoreCase(resourceType.getCoreSchema().getId());
    Path canonical = core ? Path.root() : Path.root(path.getSchemaUrn());
    Path prefix = canonical;
    for (int i = 0; i < path.size(); i++) {
      Path.Element element = path.getElement(i);
      prefix = prefix.attribute(element.getAttribute());
      AttributeDefinition definition = resourceType.getAttributeDefinition(resolve(prefix, parent));
      String name = definition == null ? element.getAttribute() : definition.getName();
      canonical = element.getValueFilter() == null ? canonical.attribute(name)
          : canonical.attribute(name, element.getValueFilter());
    }
    return canonical;
  }

  private static Path resolve(Path path, Path parent) {
    if (parent == null) {
      return path;
    }
    Path resolved = parent;
    for (int i = 0; i < path.size(); i++) {
      resolved = resolved.attribute(path.getElement(i).getAttribute());
    }
    return resolved;
  }

  private static AttributeDefinition subAttribute(AttributeDefinition definition, String name) {
    if (definition.getSubAttributes() == null) {
      return null;
    }
    return definition.getSubAttributes().stream()
        .filter(sub -> sub.getName().equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  private static String firstSubAttribute(AttributeDefinition definition) {
    return definition.getSubAttributes() == null || definition.getSubAttributes().isEmpty()
        ? "value" : definition.getSubAttributes().iterator().next().getName();
  }
}
