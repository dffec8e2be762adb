package io.scimgateway.gateway.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.spi.FilterSupport;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The push-down rules of the planner, over a store that evaluates userName exactly and title as a superset. */
class QueryPlannerTest {

  private final QueryPlanner planner = new QueryPlanner((attribute, operator) ->
      switch (attribute.toString().toLowerCase(Locale.ROOT)) {
        case "username", "emails.type", "emails.value" -> FilterSupport.Support.EXACT;
        case "title" -> FilterSupport.Support.SUPERSET;
        default -> FilterSupport.Support.NONE;
      });

  @Test
  void exactComparisonGoesDownWhole() throws ScimException {
    QueryPlan plan = plan("userName eq \"a\"");
    assertEquals(filter("userName eq \"a\""), plan.pushed());
    assertNull(plan.residual());
  }

  @Test
  void supersetComparisonGoesDownAndStaysInTheResidual() throws ScimException {
    QueryPlan plan = plan("title co \"x\"");
    assertEquals(filter("title co \"x\""), plan.pushed());
    assertEquals(filter("title co \"x\""), plan.residual());
  }

  @Test
  void andPushesWhatItCanAndKeepsTheRest() throws ScimException {
    QueryPlan plan = plan("userName eq \"a\" and nickName eq \"b\"");
    assertEquals(filter("userName eq \"a\""), plan.pushed());
    assertEquals(filter("nickName eq \"b\""), plan.residual());
  }

  @Test
  void orGoesDownOnlyWhenEveryOperandCan() throws ScimException {
    QueryPlan mixed = plan("userName eq \"a\" or nickName eq \"b\"");
    assertNull(mixed.pushed());
    assertEquals(filter("userName eq \"a\" or nickName eq \"b\""), mixed.residual());

    QueryPlan partlySuperset = plan("userName eq \"a\" or title eq \"b\"");
    assertEquals(filter("userName eq \"a\" or title eq \"b\""), partlySuperset.pushed());
    assertEquals(filter("userName eq \"a\" or title eq \"b\""), partlySuperset.residual());
  }

  @Test
  void notGoesDownOnlyOverAnExactOperand() throws ScimException {
    assertEquals(filter("not (userName eq \"a\")"), plan("not (userName eq \"a\")").pushed());
    QueryPlan overSuperset = plan("not (title eq \"a\")");
    assertNull(overSuperset.pushed(), "the complement of a superset is a subset: never pushed");
    assertEquals(filter("not (title eq \"a\")"), overSuperset.residual());
  }

  @Test
  void valueFilterGoesDownWhenEveryInnerComparisonIsExact() throws ScimException {
    QueryPlan exact = plan("emails[type eq \"work\" and value co \"@x\"]");
    assertEquals(filter("emails[type eq \"work\" and value co \"@x\"]"), exact.pushed());
    assertNull(exact.residual());

    QueryPlan residual = plan("emails[type eq \"work\" and display co \"x\"]");
    assertNull(residual.pushed());
    assertEquals(filter("emails[type eq \"work\" and display co \"x\"]"), residual.residual());
  }

  /** A store whose query is "all of these, and one or-group of comparisons", with no not. */
  private final QueryPlanner shaped = new QueryPlanner(new FilterSupport() {
    @Override
    public Support support(Path attribute, FilterType operator) {
      return Support.EXACT;
    }

    @Override
    public boolean combines(Filter combination) {
      return switch (combination.getFilterType()) {
        case NOT -> false;
        case OR -> combination.getCombinedFilters().stream().noneMatch(Filter::isCombiningFilter);
        default -> combination.getCombinedFilters().stream()
            .filter(operand -> operand.getFilterType() == FilterType.OR).count() <= 1;
      };
    }
  });

  @Test
  void combinationsTheStoreCannotShapeStayInTheGateway() throws ScimException {
    QueryPlan twoOrs = shaped.plan(filter("(a eq 1 or b eq 2) and c eq 3 and (d eq 4 or e eq 5)"));
    assertEquals(filter("(a eq 1 or b eq 2) and c eq 3"), twoOrs.pushed());
    assertEquals(filter("d eq 4 or e eq 5"), twoOrs.residual());

    QueryPlan nested = shaped.plan(filter("a eq 1 or (b eq 2 and c eq 3)"));
    assertNull(nested.pushed());
    assertEquals(filter("a eq 1 or (b eq 2 and c eq 3)"), nested.residual());

    QueryPlan negated = shaped.plan(filter("not (a eq 1) and b eq 2"));
    assertEquals(filter("b eq 2"), negated.pushed());
    assertEquals(filter("not (a eq 1)"), negated.residual());
  }

  private QueryPlan plan(String filter) throws ScimException {
    return planner.plan(filter(filter));
  }

  private static Filter filter(String text) throws BadRequestException {
    return Filter.fromString(text);
  }
}
