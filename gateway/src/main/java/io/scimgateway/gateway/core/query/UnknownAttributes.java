package io.scimgateway.gateway.core.query;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * For a search across resource types ({@code POST /.search}): rewrites a filter for one type so that a
 * comparison on an attribute the type does not have behaves as on a resource without that value
 * (RFC 7643 section 2.5: unassigned): {@code eq}, {@code co}, {@code pr} and the like are false,
 * {@code ne} is true. Thread-safe.
 */
final class UnknownAttributes {

  /** Always true and always false, as filters every store evaluates: every resource has an id. */
  private static final Filter TRUE = Filter.pr(Path.root().attribute("id"));
  private static final Filter FALSE = Filter.not(Filter.pr(Path.root().attribute("id")));

  private UnknownAttributes() {
  }

  /** The filter for {@code resourceType}, or null when it names no attribute the type has. */
  static Filter forType(Filter filter, ResourceTypeDefinition resourceType) {
    Counter known = new Counter();
    Filter rewritten = rewrite(filter, resourceType, known);
    return known.count == 0 ? null : rewritten;
  }

  private static Filter rewrite(Filter filter, ResourceTypeDefinition type, Counter known) {
    return switch (filter.getFilterType()) {
      case AND -> Filter.and(rewriteAll(filter.getCombinedFilters(), type, known));
      case OR -> Filter.or(rewriteAll(filter.getCombinedFilters(), type, known));
      case NOT -> Filter.not(rewrite(filter.getInvertedFilter(), type, known));
      default -> leaf(filter, type, known);
    };
  }

  private static Filter leaf(Filter filter, ResourceTypeDefinition type, Counter known) {
    Path path = filter.getAttributePath().withoutFilters();
    if (type.getAttributeDefinition(path) != null) {
      known.count++;
      return filter;
    }
    boolean comparesWithNull = filter.getComparisonValue() != null
        && filter.getComparisonValue().isNull();
    boolean trueWithoutValue = filter.getFilterType() == FilterType.NOT_EQUAL
        ? !comparesWithNull
        : filter.getFilterType() == FilterType.EQUAL && comparesWithNull;
    return trueWithoutValue ? TRUE : FALSE;
  }

  private static List<Filter> rewriteAll(List<Filter> filters, ResourceTypeDefinition type,
      Counter known) {
    List<Filter> rewritten = new ArrayList<>();
    for (Filter each : filters) {
      rewritten.add(rewrite(each, type, known));
    }
    return rewritten;
  }

  private static final class Counter {
    private int count;
  }
}
