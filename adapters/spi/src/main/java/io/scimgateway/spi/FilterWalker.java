package io.scimgateway.spi;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;

/**
 * The SDK's {@link FilterVisitor} for walks that treat the ten attribute operators alike, as a
 * planner or a translator into a platform's query does: each goes to {@link #comparison}, which reads
 * the operator from {@link Filter#getFilterType()}. {@code and}, {@code or}, {@code not} and value
 * filters ({@code emails[type eq "work"]}) keep a method each.
 *
 * <pre>{@code
 * Boolean pushable = filter.visit(new FilterWalker<Boolean, Void>() { ... }, null);
 * }</pre>
 *
 * @param <R> what the walk makes of a filter
 * @param <P> what it passes down, such as the path a value filter's comparisons sit under
 */
public abstract class FilterWalker<R, P> implements FilterVisitor<R, P> {

  /** A comparison or {@code pr} term: its attribute, operator and (but for {@code pr}) value. */
  protected abstract R comparison(Filter term, P parameter) throws ScimException;

  @Override
  public final R visit(EqualFilter filter, P parameter) throws ScimException {
    return comparison(filter, parameter);
  }

  @Override
  public final R visit(NotEqualFilter filter, P parameter) throws ScimException {
    return comparison(filter, parameter);
  }

  @Override
  public final R visit(ContainsFilter filter, P parameter) throws ScimException {
    return comparison(filter, parameter);
  }

  @Override
  public final R visit(StartsWithFilter filter, P parameter) throws ScimException {
    return comparison(filter, parameter);
  }

  @Override
  public final R visit(EndsWithFilter filter, P parameter) throws ScimException {
    return comparison(filter, parameter);
  }

  @Override
  public final R visit(PresentFilter filter, P parameter) throws ScimException {
    return comparison(filter, parameter);
  }

  @Override
  public final R visit(GreaterThanFilter filter, P parameter) throws ScimException {
    return comparison(filter, parameter);
  }

  @Override
  public final R visit(GreaterThanOrEqualFilter filter, P parameter) throws ScimException {
    return comparison(filter, parameter);
  }

  @Override
  public final R visit(LessThanFilter filter, P parameter) throws ScimException {
    return comparison(filter, parameter);
  }

  @Override
  public final R visit(LessThanOrEqualFilter filter, P parameter) throws ScimException {
    return comparison(filter, parameter);
  }
}
