package io.scimgateway.zidentity;

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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What ZIdentity's list parameters narrow of a SCIM filter, and the parameters for what the planner
 * pushed down. Only the {@code [like]} parameters are used: case-insensitive substrings, so that
 * {@code eq}, {@code co}, {@code sw} and {@code ew} all become one and the result is a superset the
 * gateway checks again. The exact {@code loginname} is left alone, since ZIdentity does not say
 * whether it ignores case as SCIM's userName does. Parameters combine as "and"; an "or" asks for
 * everything, which contains what it selects. Thread-safe.
 */
final class ZidentityFilter implements FilterSupport {

  private static final Set<FilterType> TEXT = EnumSet.of(FilterType.EQUAL, FilterType.CONTAINS,
      FilterType.STARTS_WITH, FilterType.ENDS_WITH);

  /** The [like] parameter of each SCIM attribute (lower case). */
  private final Map<String, String> likeParameters;

  private ZidentityFilter(Map<String, String> likeParameters) {
    this.likeParameters = Map.copyOf(likeParameters);
  }

  /** The Go SDK's spelling of the user filters. */
  static ZidentityFilter users() {
    return new ZidentityFilter(Map.of("username", "loginname[like]",
        "displayname", "displayname[like]"));
  }

  static ZidentityFilter groups() {
    return new ZidentityFilter(Map.of("displayname", "name[like]"));
  }

  @Override
  public Support support(Path attribute, FilterType operator) {
    return likeParameters.containsKey(key(attribute)) && TEXT.contains(operator) ? Support.SUPERSET
        : Support.NONE;
  }

  /** The list parameters for a pushed filter; none for null (every record). */
  List<Map.Entry<String, String>> parameters(Filter filter) throws ScimException {
    return filter == null ? List.of() : filter.visit(walker, null);
  }

  /** The walk that makes parameters: an "and" joins its operands', an "or" asks for everything. */
  private final FilterWalker<List<Map.Entry<String, String>>, Void> walker = new FilterWalker<>() {
    @Override
    protected List<Map.Entry<String, String>> comparison(Filter term, Void unused) {
      String parameter = likeParameters.get(key(term.getAttributePath()));
      if (parameter == null || !TEXT.contains(term.getFilterType())) {
        throw pushedWrongly(term);
      }
      return List.of(Map.entry(parameter, term.getComparisonValue().asText()));
    }

    @Override
    public List<Map.Entry<String, String>> visit(AndFilter filter, Void unused) throws ScimException {
      List<Map.Entry<String, String>> parameters = new ArrayList<>();
      for (Filter operand : filter.getCombinedFilters()) {
        parameters.addAll(operand.visit(this, null));
      }
      return parameters;
    }

    @Override
    public List<Map.Entry<String, String>> visit(OrFilter filter, Void unused) {
      return List.of();
    }

    @Override
    public List<Map.Entry<String, String>> visit(NotFilter filter, Void unused) {
      throw pushedWrongly(filter);
    }

    @Override
    public List<Map.Entry<String, String>> visit(ComplexValueFilter filter, Void unused) {
      throw pushedWrongly(filter);
    }
  };

  private static IllegalStateException pushedWrongly(Filter filter) {
    return new IllegalStateException("the planner pushed a filter ZIdentity cannot narrow: " + filter);
  }

  private static String key(Path path) {
    return path.withoutFilters().toString().toLowerCase(Locale.ROOT);
  }
}
