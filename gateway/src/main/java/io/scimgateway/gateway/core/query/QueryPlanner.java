package io.scimgateway.gateway.core.query;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.FilterWalker;
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
public final class QueryPlanner extends FilterWalker<QueryPlan, Void> {

  private final FilterSupport support;
  private final AllExact allExact = new AllExact();

  public QueryPlanner(FilterSupport support) {
    this.support = support;
  }

  public QueryPlan plan(Filter filter) throws ScimException {
    return filter == null ? new QueryPlan(null, null) : filter.visit(this, null);
  }

  @Override
  protected QueryPlan comparison(Filter filter, Void unused) {
    return switch (support.support(filter.getAttributePath().withoutFilters(), filter.getFilterType())) {
      case EXACT -> new QueryPlan(filter, null);
      case SUPERSET -> new QueryPlan(filter, filter);
      case NONE -> new QueryPlan(null, filter);
    };
  }

  @Override
  public QueryPlan visit(ComplexValueFilter filter, Void unused) throws ScimException {
    Path attribute = filter.getAttributePath().withoutFilters();
    return filter.getValueFilter().visit(allExact, attribute)
        ? new QueryPlan(filter, null)
        : new QueryPlan(null, filter);
  }

  @Override
  public QueryPlan visit(AndFilter filter, Void unused) throws ScimException {
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

  @Override
  public QueryPlan visit(OrFilter filter, Void unused) throws ScimException {
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

  @Override
  public QueryPlan visit(NotFilter filter, Void unused) throws ScimException {
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

  /** Whether the store evaluates every comparison of a value filter, under its parent path, exactly. */
  private final class AllExact extends FilterWalker<Boolean, Path> {

    @Override
    protected Boolean comparison(Filter term, Path parent) {
      return support.support(parent.attribute(term.getAttributePath().getElement(0).getAttribute()),
          term.getFilterType()) == FilterSupport.Support.EXACT;
    }

    @Override
    public Boolean visit(AndFilter filter, Path parent) throws ScimException {
      return all(filter.getCombinedFilters(), parent);
    }

    @Override
    public Boolean visit(OrFilter filter, Path parent) throws ScimException {
      return all(filter.getCombinedFilters(), parent);
    }

    @Override
    public Boolean visit(NotFilter filter, Path parent) throws ScimException {
      return filter.getInvertedFilter().visit(this, parent);
    }

    @Override
    public Boolean visit(ComplexValueFilter filter, Path parent) {
      return false;
    }

    private boolean all(List<Filter> operands, Path parent) throws ScimException {
      for (Filter operand : operands) {
        if (!operand.visit(this, parent)) {
          return false;
        }
      }
      return true;
    }
  }
}
