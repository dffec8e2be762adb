package io.scimgateway.sqlite;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComparisonFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a pushed-down SCIM filter into a SQL condition on {@code resources}, every value bound as a
 * parameter: indexed columns where the attribute has one, JSON functions on the stored document
 * elsewhere, and {@code EXISTS} over the array's elements for multi-valued attributes, so that
 * {@code emails[type eq "work" and value co "@example.com"]} needs both conditions in the same email.
 *
 * <p>Multi-valued semantics follow the SCIM SDK's evaluator: a comparison matches when any value
 * matches; {@code ne} matches when no value equals (so also when there is none). Substring operators
 * use {@code instr}/{@code strpos} and {@code substr}, never {@code LIKE}: {@code %}, {@code _} and backslashes are
 * plain characters. It only sees terms {@link #supports} accepted; anything else is a planner bug.
 * Thread-safe.
 */
final class SqlFilterCompiler implements FilterVisitor<SqlFragment, SqlFilterCompiler.Scope> {

  /** Where leaves are evaluated: on the row, or on one element of a multi-valued attribute. */
  record Scope(Path parent, String element) {
    static final Scope ROW = new Scope(null, null);

    Path resolve(Path path) {
      return parent == null ? path : parent.attribute(path.getElement(0).getAttribute());
    }
  }

  private final AttributeLocator locator;
  private final SqlDialect dialect;

  SqlFilterCompiler(AttributeLocator locator, SqlDialect dialect) {
    this.locator = locator;
    this.dialect = dialect;
  }

  /** Whether the compiler evaluates {@code operator} on {@code attribute} exactly. */
  boolean supports(Path attribute) {
    return locator.locate(attribute).isPresent();
  }

  SqlFragment compile(Filter filter) throws ScimException {
    return filter == null ? SqlFragment.TRUE : filter.visit(this, Scope.ROW);
  }

  @Override
  public SqlFragment visit(AndFilter filter, Scope scope) throws ScimException {
    return combine(filter.getCombinedFilters(), " AND ", scope);
  }

  @Override
  public SqlFragment visit(OrFilter filter, Scope scope) throws ScimException {
    return combine(filter.getCombinedFilters(), " OR ", scope);
  }

  @Override
  public SqlFragment visit(NotFilter filter, Scope scope) throws ScimException {
    SqlFragment inner = filter.getInvertedFilter().visit(this, scope);
    return new SqlFragment("NOT coalesce((" + inner.sql() + "), FALSE)", inner.parameters());
  }

  @Override
  public SqlFragment visit(EqualFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope);
  }

  @Override
  public SqlFragment visit(NotEqualFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope);
  }

  @Override
  public SqlFragment visit(ContainsFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope);
  }

  @Override
  public SqlFragment visit(StartsWithFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope);
  }

  @Override
  public SqlFragment visit(EndsWithFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope);
  }

  @Override
  public SqlFragment visit(GreaterThanFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope);
  }

  @Override
  public SqlFragment visit(GreaterThanOrEqualFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope);
  }

  @Override
  public SqlFragment visit(LessThanFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope);
  }

  @Override
  public SqlFragment visit(LessThanOrEqualFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope);
  }

  @Override
  public SqlFragment visit(PresentFilter filter, Scope scope) throws ScimException {
    AttributeLocation location = locate(filter.getAttributePath(), scope);
    if (location.column() != null) {
      return new SqlFragment(location.column() + " IS NOT NULL", List.of());
    }
    if (scope.element() != null || !location.multiValued()) {
      StoredValue value = StoredValue.of(dialect, location, scope);
      String type = value.jsonType();
      return new SqlFragment("coalesce(" + type + ", 'null') <> 'null'", value.typeParameters());
    }
    StoredValue element = StoredValue.element(dialect, location, "e");
    return exists(location, "coalesce(" + element.jsonType() + ", 'null') <> 'null'",
        element.typeParameters());
  }

  /** {@code emails[type eq "work" and value co "@x"]}: one element must satisfy the whole filter. */
  @Override
  public SqlFragment visit(ComplexValueFilter filter, Scope scope) throws ScimException {
    Path attribute = scope.resolve(filter.getAttributePath().withoutFilters());
    AttributeLocation location = locator.locate(attribute)
        .orElseThrow(() -> notPushed(filter));
    if (!location.multiValued()) {
      return filter.getValueFilter().visit(this, new Scope(attribute, null));
    }
    SqlFragment inner = filter.getValueFilter().visit(this, new Scope(attribute, "e"));
    return exists(location, inner.sql(), inner.parameters());
  }

  private SqlFragment compare(ComparisonFilter filter, Scope scope) throws ScimException {
    AttributeLocation location = locate(filter.getAttributePath(), scope);
    ValueNode value = filter.getComparisonValue();
    boolean negated = filter.getFilterType() == FilterType.NOT_EQUAL;
    if (value == null || value.isNull()) {
      // "eq null" asks for no value, "ne null" for some value (RFC 7643 section 2.5).
      SqlFragment present = Filter.pr(filter.getAttributePath()).visit(this, scope);
      return negated ? present : new SqlFragment("NOT (" + present.sql() + ")", present.parameters());
    }
    FilterType operator = negated ? FilterType.EQUAL : filter.getFilterType();
    SqlFragment condition;
    if (location.multiValued() && scope.element() == null) {
      StoredValue element = StoredValue.element(dialect, location, "e");
      SqlFragment matches = ValueComparison.of(dialect, operator, element.sql(), element.parameters(), false,
          location.definition(), value);
      condition = exists(location, matches.sql(), matches.parameters());
    } else {
      StoredValue stored = StoredValue.of(dialect, location, scope);
      condition = ValueComparison.of(dialect, operator, stored.sql(), stored.parameters(), location.folded(),
          location.definition(), value);
    }
    return negated
        ? new SqlFragment("NOT coalesce((" + condition.sql() + "), FALSE)", condition.parameters())
        : condition;
  }

  private AttributeLocation locate(Path path, Scope scope) throws ScimException {
    return locator.locate(scope.resolve(path)).orElseThrow(() -> new IllegalStateException(
        "The planner pushed a filter on " + path + ", which the embedded store cannot evaluate"));
  }

  private SqlFragment exists(AttributeLocation location, String condition,
      List<Object> conditionParameters) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(dialect.jsonPath(location.jsonPath()));
    parameters.addAll(conditionParameters);
    return new SqlFragment("EXISTS (SELECT 1 FROM " + dialect.jsonElements("e") + " WHERE "
        + condition + ")", parameters);
  }

  private SqlFragment combine(List<Filter> filters, String operator, Scope scope)
      throws ScimException {
    List<String> parts = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    for (Filter each : filters) {
      SqlFragment fragment = each.visit(this, scope);
      parts.add("(" + fragment.sql() + ")");
      parameters.addAll(fragment.parameters());
    }
    return new SqlFragment(String.join(operator, parts), parameters);
  }

  private static IllegalStateException notPushed(Filter filter) {
    return new IllegalStateException("The planner pushed " + filter
        + ", which the embedded store cannot evaluate");
  }
}
