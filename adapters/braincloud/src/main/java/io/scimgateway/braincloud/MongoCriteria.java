package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.kit.CaseInsensitiveRegex;
import io.scimgateway.spi.FilterSupport;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A pushed-down SCIM filter as brainCloud's MongoDB-style {@code searchCriteria}: {@code and}, {@code or} and
 * {@code not} are {@code $and}, {@code $or} and {@code $nor}; each store says what its comparisons become. Text
 * comparisons are case-insensitive {@code $regex} ({@link CaseInsensitiveRegex}). Thread-safe.
 */
abstract class MongoCriteria implements FilterSupport {

  static final Set<FilterType> TEXT = EnumSet.of(FilterType.EQUAL, FilterType.CONTAINS,
      FilterType.STARTS_WITH, FilterType.ENDS_WITH);
  protected static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The criteria of one comparison the store declared it supports. */
  protected abstract ObjectNode comparison(String attribute, FilterType operator, String value);

  /** The criteria for a pushed filter; every record for null. */
  final ObjectNode criteria(Filter filter) {
    if (filter == null) {
      return JSON.objectNode();
    }
    return switch (filter.getFilterType()) {
      case AND -> combined("$and", filter);
      case OR -> combined("$or", filter);
      case NOT -> {
        ObjectNode not = JSON.objectNode();
        not.putArray("$nor").add(criteria(filter.getInvertedFilter()));
        yield not;
      }
      default -> comparison(key(filter.getAttributePath()), filter.getFilterType(),
          filter.getComparisonValue().asText());
    };
  }

  private ObjectNode combined(String operator, Filter filter) {
    ObjectNode combined = JSON.objectNode();
    ArrayNode operands = combined.putArray(operator);
    filter.getCombinedFilters().forEach(operand -> operands.add(criteria(operand)));
    return combined;
  }

  /** {@code {field: {$regex, $options: "i"}}}: SCIM's case-insensitive eq, co, sw or ew. */
  static ObjectNode text(String field, FilterType operator, String value) {
    ObjectNode match = JSON.objectNode();
    match.putObject(field).put("$regex", regex(operator, value)).put("$options", "i");
    return match;
  }

  static String regex(FilterType operator, String value) {
    return CaseInsensitiveRegex.of(operator, value);
  }

  static String key(Path path) {
    return path.withoutFilters().toString().toLowerCase(Locale.ROOT);
  }
}
