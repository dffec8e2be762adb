package io.scimgateway.sqlite;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComparisonFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
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
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Compiles a pushed-down SCIM filter into a SQL condition over the indexed columns, with every value
 * bound as a parameter. It only sees filters built from terms {@link IndexedAttribute#SUPPORT}
 * accepted; anything else is a planner bug and is refused rather than guessed at.
 *
 * <p>Substring operators use {@code instr} and {@code substr}, not {@code LIKE}, so {@code %}, {@code _}
 * and backslashes in a value are plain characters and case-exact attributes stay case-exact.
 */
final class SqlFilterCompiler implements FilterVisitor<SqlFragment, Void> {

  static SqlFragment compile(Filter filter) throws ScimException {
    return filter == null ? SqlFragment.TRUE : filter.visit(new SqlFilterCompiler(), null);
  }

  @Override
  public SqlFragment visit(AndFilter filter, Void param) throws ScimException {
    return combine(filter.getCombinedFilters(), " AND ");
  }

  @Override
  public SqlFragment visit(OrFilter filter, Void param) throws ScimException {
    return combine(filter.getCombinedFilters(), " OR ");
  }

  @Override
  public SqlFragment visit(NotFilter filter, Void param) throws ScimException {
    SqlFragment inner = filter.getInvertedFilter().visit(this, null);
    return new SqlFragment("NOT (" + inner.sql() + ")", inner.parameters());
  }

  @Override
  public SqlFragment visit(EqualFilter filter, Void param) throws ScimException {
    if (filter.getComparisonValue().isNull()) {
      return new SqlFragment(column(filter).column + " IS NULL", List.of());
    }
    return compare(filter, "%s = ?");
  }

  @Override
  public SqlFragment visit(NotEqualFilter filter, Void param) throws ScimException {
    if (filter.getComparisonValue().isNull()) {
      return new SqlFragment(column(filter).column + " IS NOT NULL", List.of());
    }
    return compare(filter, "(%1$s IS NULL OR %1$s <> ?)");
  }

  @Override
  public SqlFragment visit(ContainsFilter filter, Void param) throws ScimException {
    return compare(filter, "instr(%s, ?) > 0");
  }

  @Override
  public SqlFragment visit(StartsWithFilter filter, Void param) throws ScimException {
    return substring(filter, "substr(%s, 1, length(?)) = ?");
  }

  @Override
  public SqlFragment visit(EndsWithFilter filter, Void param) throws ScimException {
    return substring(filter, "substr(%s, -length(?)) = ?");
  }

  @Override
  public SqlFragment visit(PresentFilter filter, Void param) throws ScimException {
    IndexedAttribute attribute = column(filter.getAttributePath());
    return new SqlFragment(attribute.column + " IS NOT NULL AND " + attribute.column + " <> ''",
        List.of());
  }

  @Override
  public SqlFragment visit(GreaterThanFilter filter, Void param) throws ScimException {
    throw notPushable(filter);
  }

  @Override
  public SqlFragment visit(GreaterThanOrEqualFilter filter, Void param) throws ScimException {
    throw notPushable(filter);
  }

  @Override
  public SqlFragment visit(LessThanFilter filter, Void param) throws ScimException {
    throw notPushable(filter);
  }

  @Override
  public SqlFragment visit(LessThanOrEqualFilter filter, Void param) throws ScimException {
    throw notPushable(filter);
  }

  @Override
  public SqlFragment visit(ComplexValueFilter filter, Void param) throws ScimException {
    throw notPushable(filter);
  }

  private SqlFragment combine(List<Filter> filters, String operator) throws ScimException {
    List<String> parts = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    for (Filter each : filters) {
      SqlFragment fragment = each.visit(this, null);
      parts.add("(" + fragment.sql() + ")");
      parameters.addAll(fragment.parameters());
    }
    return new SqlFragment(String.join(operator, parts), parameters);
  }

  /** An empty substring is a prefix or suffix of every present value. */
  private SqlFragment substring(ComparisonFilter filter, String template) throws ScimException {
    ValueNode value = filter.getComparisonValue();
    if (value.isTextual() && value.textValue().isEmpty()) {
      return new SqlFragment(column(filter).column + " IS NOT NULL", List.of());
    }
    return compare(filter, template);
  }

  private SqlFragment compare(ComparisonFilter filter, String template) throws ScimException {
    IndexedAttribute attribute = column(filter);
    ValueNode value = filter.getComparisonValue();
    if (!value.isTextual()) {
      // These columns hold strings; a number or boolean never equals, contains or prefixes one.
      return filter instanceof NotEqualFilter ? SqlFragment.TRUE : SqlFragment.FALSE;
    }
    String bound = attribute.columnValue(value.textValue());
    // A template may use the value more than once (a substring's length and the substring itself).
    int uses = template.length() - template.replace("?", "").length();
    return new SqlFragment(template.formatted(attribute.column), new ArrayList<Object>(Collections.nCopies(uses, bound)));
  }

  private static IndexedAttribute column(ComparisonFilter filter) throws ScimException {
    return column(filter.getAttributePath());
  }

  private static IndexedAttribute column(com.unboundid.scim2.common.Path path) throws ScimException {
    return IndexedAttribute.of(path).orElseThrow(
        () -> new IllegalStateException("The planner pushed a filter on " + path
            + ", which the embedded store does not index"));
  }

  private static ScimException notPushable(Filter filter) {
    return BadRequestException.invalidFilter("The embedded store cannot evaluate " + filter);
  }
}
