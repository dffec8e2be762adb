package io.scimgateway.gateway.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.common.filters.Filter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters by many values: every value in exactly one filter, each filter bounded and parseable. */
class ValueFiltersTest {

  @Test
  void valuesAreSplitIntoBoundedFiltersThatParse() throws Exception {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      values.add("E" + i);
    }
    values.add("a \"quoted\" \\ value");
    values.add("x".repeat(3_000));

    List<String> filters = ValueFilters.anyOf("externalId", values);

    int found = 0;
    for (String filter : filters) {
      Filter parsed = Filter.fromString(filter);
      int terms = terms(parsed);
      assertTrue(terms <= ValueFilters.VALUES_PER_FILTER, filter);
      found += terms;
    }
    assertEquals(values.size(), found);
    assertEquals("externalId eq \"a \\\"quoted\\\" \\\\ value\"", filters.get(2).split(" or ")[20],
        "escaped as a JSON string");
    assertEquals(4, filters.size(), "50, 50, 21 and the long one, which starts a filter of its own");
  }

  private static int terms(Filter filter) {
    return filter.isCombiningFilter()
        ? filter.getCombinedFilters().stream().mapToInt(ValueFiltersTest::terms).sum() : 1;
  }

  @Test
  void noValuesNoFilters() {
    assertEquals(List.of(), ValueFilters.anyOf("externalId", List.of()));
  }
}
