package io.scimgateway.conformance.equivalence;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.FilterSupport.Support;

/**
 * How faithfully a store evaluates a whole filter, from what its {@link FilterSupport} says of each
 * comparison in it. A comparison inside a value filter is asked for with the full path
 * ({@code emails[type eq "work"]} asks about {@code emails.type}). A superset term under {@code not}
 * (even two) would give a subset, so it counts as not evaluable there, as the gateway's planner has it;
 * so does a value filter the store does not evaluate exactly, as does a combination the store says it
 * does not take as a whole ({@link FilterSupport#combines}).
 */
final class PushDownSupport {

  private PushDownSupport() {
  }

  /** EXACT when every comparison is exact, SUPERSET when each is exact or a superset, else NONE. */
  static Support of(Filter filter, FilterSupport support) {
    return of(filter, null, false, support);
  }

  private static Support of(Filter filter, Path parent, boolean negated, FilterSupport support) {
    switch (filter.getFilterType()) {
      case AND, OR -> {
        if (!support.combines(filter)) {
          return Support.NONE;
        }
        Support weakest = Support.EXACT;
        for (Filter operand : filter.getCombinedFilters()) {
          weakest = weaker(weakest, of(operand, parent, negated, support));
        }
        return weakest;
      }
      case NOT -> {
        if (!support.combines(filter)) {
          return Support.NONE;
        }
        return of(filter.getInvertedFilter(), parent, true, support);
      }
      case COMPLEX_VALUE -> {
        // A value filter goes down only when the store evaluates all of it exactly.
        Support inner = of(filter.getValueFilter(), qualified(parent, filter.getAttributePath()), negated,
            support);
        return inner == Support.EXACT ? inner : Support.NONE;
      }
      default -> {
        Support leaf = support.support(qualified(parent, filter.getAttributePath()), filter.getFilterType());
        return negated && leaf == Support.SUPERSET ? Support.NONE : leaf;
      }
    }
  }

  /** The path of {@code path} without value filters, below {@code parent} when inside a value filter. */
  private static Path qualified(Path parent, Path path) {
    Path plain = path.withoutFilters();
    return parent == null ? plain : parent.attribute(plain);
  }

  private static Support weaker(Support a, Support b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
