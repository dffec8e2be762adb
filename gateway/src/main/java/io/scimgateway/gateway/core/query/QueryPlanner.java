package io.scimgateway.gateway.core.query;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.spi.FilterSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SCIM filter into what a store evaluates and what the gateway evaluates, from the store's
 * declared {@link FilterSupport}. Independent of how a store evaluates (SQL, a platform's query API).
 *
 * <ul>
 *   <li>A comparison goes down when supported; a superset term also stays in the residual.
 *   <li>{@code and} pushes whichever operands can go down, and keeps the rest as the residual.
 *   <li>{@code or} goes down only when every operand can; otherwise the backend returns everything
 *       and the gateway evaluates the whole {@code or}.
 *   <li>{@code not} goes down only over an exact operand.
 *   <li>A combination goes down only when the store takes its shape
 *       ({@link FilterSupport#combines}); of an {@code and}, the operands that would break the shape
 *       stay in the gateway, the others still go down.
 *   <li>A value filter ({@code emails[type eq "work" and value co "@x"]}) goes down whole, as an
 *       exact term, when the store evaluates every comparison inside it exactly; otherwise it stays in
 *       the gateway, since one element must satisfy all of it.
 * </ul>
 */
public final class QueryPlanner {

  private final FilterSupport support;

  public QueryPlanner(FilterSupport support) {
    this.support = support;
  }

  public QueryPlan plan(Filter filter) {
    if (filter == null) {
      return new QueryPlan(null, null);
    }
    return switch (filter.getFilterType()) {
      case AND -> and(filter);
      case OR -> or(filter);
      case NOT -> not(filter);
      case COMPLEX_VALUE -> valueFilter(filter);
      default -> comparison(filter);
    };
  }

  private QueryPlan comparison(Filter filter) {
    return switch (support.support(filter.getAttributePath().withoutFilters(), filter.getFilterType())) {
      case EXACT -> new QueryPlan(filter, null);
      case SUPERSET -> new QueryPlan(filter, filter);
      case NONE -> new QueryPlan(null, filter);
    };
  }

  private QueryPlan valueFilter(Filter filter) {
    Path attribute = filter.getAttributePath().withoutFilters();
    return allExact(filter.getValueFilter(), attribute)
        ? new QueryPlan(filter, null)
        : new QueryPlan(null, filter);
  }

  /** Whether the store evaluates every comparison of a value filter exactly. */
  private boolean allExact(Filter filter, Path parent) {
    return switch (filter.getFilterType()) {
      case AND, OR -> filter.getCombinedFilters().stream().allMatch(f -> allExact(f, parent));
      case NOT -> allExact(filter.getInvertedFilter(), parent);
      case COMPLEX_VALUE -> false;
      default -> support.support(parent.attribute(filter.getAttributePath().getElement(0).getAttribute()),
          filter.getFilterType()) == FilterSupport.Support.EXACT;
    };
  }

  private QueryPlan and(Filter filter) {
    List<Filter> pushed = new ArrayList<>();
    List<Filter> residual = new ArrayList<>();
    for (Filter operand : filter.getCombinedFilters()) {
      QueryPlan plan = plan(operand);
      if (plan.pushed() != null && takes(pushed, plan.pushed())) {
        pushed.add(plan.pushed());
        if (plan.residual() != null) {
          residual.add(plan.residual());
        }
      } else {
        residual.add(operand); // not pushed: the gateway evaluates all of it
      }
    }
    return new QueryPlan(combine(pushed, FilterType.AND), combine(residual, FilterType.AND));
  }

  /** Whether the store still takes the conjunction once {@code next} joins what is pushed. */
  private boolean takes(List<Filter> pushed, Filter next) {
    if (pushed.isEmpty()) {
      return true;
    }
    List<Filter> joined = new ArrayList<>(pushed);
    joined.add(next);
    return support.combines(Filter.and(joined));
  }

  private QueryPlan or(Filter filter) {
    List<Filter> pushed = new ArrayList<>();
    boolean exact = true;
    for (Filter operand : filter.getCombinedFilters()) {
      QueryPlan plan = plan(operand);
      if (plan.pushed() == null) {
        return new QueryPlan(null, filter);
      }
      pushed.add(plan.pushed());
      exact &= plan.exact();
    }
    Filter combined = combine(pushed, FilterType.OR);
    if (pushed.size() > 1 && !support.combines(combined)) {
      return new QueryPlan(null, filter);
    }
    return new QueryPlan(combined, exact ? null : filter);
  }

  private QueryPlan not(Filter filter) {
    QueryPlan inner = plan(filter.getInvertedFilter());
    if (inner.pushed() != null && inner.exact() && support.combines(Filter.not(inner.pushed()))) {
      return new QueryPlan(Filter.not(inner.pushed()), null);
    }
    return new QueryPlan(null, filter);
  }

  private static Filter combine(List<Filter> filters, FilterType type) {
    if (filters.isEmpty()) {
      return null;
    }
    if (filters.size() == 1) {
      return filters.get(0);
    }
    return type == FilterType.AND ? Filter.and(filters) : Filter.or(filters);
  }
}
