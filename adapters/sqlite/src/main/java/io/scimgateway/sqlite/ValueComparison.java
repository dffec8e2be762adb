package io.scimgateway.sqlite;

import io.scimgateway.sqlitefile.Timestamps;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.types.AttributeDefinition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One comparison of a stored value with a filter's value, as SQL, with the semantics of the SCIM SDK's
 * in-memory evaluator (so that pushing a term down never changes a result):
 *
 * <ul>
 *   <li>strings and references compare folded to lower case ({@code String.toLowerCase(Locale.ROOT)},
 *       registered as {@code scim_fold}) unless the attribute is caseExact (RFC 7643 section 2.2;
 *       the SDK's evaluator folds references even when they are caseExact, which we do not follow);
 *   <li>date-times compare as instants to the millisecond;
 *   <li>booleans and numbers compare as values.
 * </ul>
 *
 * The gateway has already refused ill-typed filters ({@code active gt true}, {@code userName eq 5}).
 */
final class ValueComparison {

  private ValueComparison() {
  }

  /**
   * The condition {@code <value at expression> <operator> <value>}; never true for a missing value.
   *
   * @param expression SQL yielding the stored value (NULL when absent)
   * @param expressionParameters the parameters {@code expression} binds
   * @param folded whether {@code expression} already yields the value folded to lower case
   */
  static SqlFragment of(SqlDialect dialect, FilterType operator, String expression,
      List<Object> expressionParameters, boolean folded, AttributeDefinition definition,
      ValueNode value) {
    return switch (definition.getType()) {
      case BOOLEAN -> ordered(operator, expression, expressionParameters, value.booleanValue());
      case INTEGER, DECIMAL -> ordered(operator, expression, expressionParameters, number(value));
      case DATETIME -> ordered(operator, dialect.utcTime(expression),
          expressionParameters, Timestamps.format(instant(value)));
      default -> text(dialect, operator, expression, expressionParameters, folded, definition,
          value.textValue());
    };
  }

  private static SqlFragment text(SqlDialect dialect, FilterType operator, String expression,
      List<Object> parameters, boolean folded, AttributeDefinition definition, String value) {
    int nul = value.indexOf('\0');
    if (nul >= 0 && !dialect.storesNul()) {
      return withoutNul(dialect, operator, expression, parameters, folded, definition,
          value.substring(0, nul));
    }
    boolean substring = operator == FilterType.CONTAINS || operator == FilterType.STARTS_WITH
        || operator == FilterType.ENDS_WITH;
    boolean fold = !definition.isCaseExact();
    String lhs = fold && !folded ? "scim_fold(" + expression + ")" : expression;
    String bound = fold ? IndexedColumns.fold(value) : value;
    if (substring && bound.isEmpty()) {
      return new SqlFragment(dialect.isText(expression), parameters);
    }
    return switch (operator) {
      case CONTAINS -> fragment(dialect.contains(lhs), parameters, bound);
      case STARTS_WITH -> fragment("substr(" + lhs + ", 1, length(?)) = ?", parameters, bound, bound);
      case ENDS_WITH -> fragment(dialect.endsWith(lhs), parameters, bound, bound);
      case EQUAL -> ordered(operator, lhs, parameters, bound);
      default -> ordered(operator, lhs, parameters, bound).collated(dialect.textOrder());
    };
  }

  /**
   * A comparison with a value holding NUL where no stored text can hold one: nothing equals it or
   * has it as a substring, and stored text orders against it as against its part before the NUL
   * ({@code s > "ab\0c"} exactly when {@code s > "ab"}, {@code s < "ab\0c"} when {@code s <= "ab"}).
   */
  private static SqlFragment withoutNul(SqlDialect dialect, FilterType operator, String expression,
      List<Object> parameters, boolean folded, AttributeDefinition definition, String prefix) {
    return switch (operator) {
      case GREATER_THAN, GREATER_OR_EQUAL -> text(dialect, FilterType.GREATER_THAN, expression,
          parameters, folded, definition, prefix);
      case LESS_THAN, LESS_OR_EQUAL -> text(dialect, FilterType.LESS_OR_EQUAL, expression,
          parameters, folded, definition, prefix);
      default -> SqlFragment.FALSE;
    };
  }

  private static SqlFragment ordered(FilterType operator, String lhs, List<Object> parameters,
      Object bound) {
    String symbol = switch (operator) {
      case EQUAL -> "=";
      case GREATER_THAN -> ">";
      case GREATER_OR_EQUAL -> ">=";
      case LESS_THAN -> "<";
      case LESS_OR_EQUAL -> "<=";
      default -> throw new IllegalArgumentException("not a comparison of values: " + operator);
    };
    return fragment(lhs + " " + symbol + " ?", parameters, bound);
  }

  private static SqlFragment fragment(String sql, List<Object> parameters, Object... bound) {
    // The expression's parameters come first in the SQL, then the bound values, in order.
    List<Object> all = new ArrayList<>(parameters);
    int uses = (int) sql.chars().filter(c -> c == '?').count() - parameters.size();
    for (int i = 0; i < uses; i++) {
      all.add(bound[Math.min(i, bound.length - 1)]);
    }
    return new SqlFragment(sql, all);
  }

  private static Object number(ValueNode value) {
    return value.isIntegralNumber() && value.canConvertToLong() ? (Object) value.longValue()
        : (Object) value.doubleValue();
  }

  /** A filter's date-time, which the gateway checked is ISO 8601. */
  static Instant instant(ValueNode value) {
    try {
      return OffsetDateTime.parse(value.textValue()).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.parse(value.textValue());
    }
  }
}
