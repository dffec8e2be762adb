package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import io.scimgateway.kit.CaseInsensitiveRegex;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.FilterWalker;
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
  final ObjectNode criteria(Filter filter) throws ScimException {
    return filter == null ? JSON.objectNode() : filter.visit(walker, null);
  }

  /** The walk that makes criteria: the combinations here, the comparisons as the store says. */
  private final FilterWalker<ObjectNode, Void> walker = new FilterWalker<>() {
    @Override
    protected ObjectNode comparison(Filter term, Void unused) {
      return MongoCriteria.this.comparison(key(term.getAttributePath()), term.getFilterType(),
          term.getComparisonValue().asText());
    }

    @Override
    public ObjectNode visit(AndFilter filter, Void unused) throws ScimException {
      return combined("$and", filter);
    }

    @Override
    public ObjectNode visit(OrFilter filter, Void unused) throws ScimException {
      return combined("$or", filter);
    }

    @Override
    public ObjectNode visit(NotFilter filter, Void unused) throws ScimException {
      ObjectNode not = JSON.objectNode();
      not.putArray("$nor").add(criteria(filter.getInvertedFilter()));
      return not;
    }

    @Override
    public ObjectNode visit(ComplexValueFilter filter, Void unused) {
      throw new IllegalArgumentException("brainCloud criteria take no value filter; the planner keeps "
          + filter + " in the gateway");
    }
  };

  private ObjectNode combined(String operator, Filter filter) throws ScimException {
    ObjectNode combined = JSON.objectNode();
    ArrayNode operands = combined.putArray(operator);
    for (Filter operand : filter.getCombinedFilters()) {
      operands.add(criteria(operand));
    }
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
