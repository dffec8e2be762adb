package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Appwrite evaluates of a SCIM filter for one resource type, and the translation of what the
 * planner pushed down into one Appwrite query. Thread-safe.
 */
final class AppwriteFilter implements FilterSupport {

  private static final Map<FilterType, String> METHODS = Map.of(
      FilterType.EQUAL, "equal", FilterType.NOT_EQUAL, "notEqual",
      FilterType.STARTS_WITH, "startsWith", FilterType.ENDS_WITH, "endsWith",
      FilterType.CONTAINS, "contains", FilterType.GREATER_THAN, "greaterThan",
      FilterType.GREATER_OR_EQUAL, "greaterThanEqual", FilterType.LESS_THAN, "lessThan",
      FilterType.LESS_OR_EQUAL, "lessThanEqual", FilterType.PRESENT, "isNotNull");

  /** Pushable attributes by lower-case SCIM path ({@code username}, {@code meta.created}). */
  private final Map<String, PushableAttribute> attributes;

  AppwriteFilter(Map<String, PushableAttribute> attributes) {
    this.attributes = Map.copyOf(attributes);
  }

  @Override
  public Support support(Path attribute, FilterType operator) {
    PushableAttribute pushable = attributes.get(key(attribute));
    if (pushable == null) {
      return Support.NONE;
    }
    return pushable.exact().contains(operator) ? Support.EXACT
        : pushable.superset().contains(operator) ? Support.SUPERSET : Support.NONE;
  }

  /**
   * The Appwrite query for a pushed filter: empty when every document matches (no filter), or
   * {@link Translation#nothing()} when none can.
   */
  Translation translate(Filter filter) throws ScimException {
    return filter == null ? Translation.everything() : filter.visit(translator, null);
  }

  /** The walk that translates: combinations here, each comparison by {@link #comparison}. */
  private final FilterWalker<Translation, Void> translator = new FilterWalker<>() {
    @Override
    protected Translation comparison(Filter term, Void unused) throws ScimException {
      return AppwriteFilter.this.comparison(term);
    }

    @Override
    public Translation visit(AndFilter filter, Void unused) throws ScimException {
      return combine(filter, true);
    }

    @Override
    public Translation visit(OrFilter filter, Void unused) throws ScimException {
      return combine(filter, false);
    }

    @Override
    public Translation visit(NotFilter filter, Void unused) throws ScimException {
      return translate(filter.getInvertedFilter()).negated();
    }

    @Override
    public Translation visit(ComplexValueFilter filter, Void unused) {
      throw new IllegalStateException("the planner pushed a value filter Appwrite cannot evaluate: "
          + filter);
    }
  };

  private Translation comparison(Filter filter) throws ScimException {
    PushableAttribute pushable = attributes.get(key(filter.getAttributePath()));
    if (pushable == null || !pushable.pushes(filter.getFilterType())) {
      throw new IllegalStateException("the planner pushed a filter Appwrite cannot evaluate: " + filter);
    }
    String method = METHODS.get(filter.getFilterType());
    if (filter.getFilterType() == FilterType.PRESENT) {
      return Translation.of(AppwriteQuery.compare(method, pushable.appwriteName(), List.of()));
    }
    List<JsonNode> values = pushable.values().of(filter.getFilterType(), filter.getComparisonValue());
    List<JsonNode> ids = pushable.orIds() == null ? List.of()
        : pushable.orIds().of(filter.getFilterType(), filter.getComparisonValue());
    if (values.isEmpty() && ids.isEmpty()) {
      return filter.getFilterType() == FilterType.NOT_EQUAL ? Translation.everything()
          : Translation.nothing();
    }
    List<ObjectNode> either = new ArrayList<>();
    if (!values.isEmpty()) {
      either.add(AppwriteQuery.compare(method, pushable.appwriteName(), values));
    }
    if (!ids.isEmpty()) {
      either.add(AppwriteQuery.compare("equal", "$id", ids));
    }
    return Translation.of(either.size() == 1 ? either.get(0) : AppwriteQuery.combine("or", either));
  }

  private Translation combine(Filter filter, boolean and) throws ScimException {
    List<ObjectNode> queries = new ArrayList<>();
    for (Filter operand : filter.getCombinedFilters()) {
      Translation translation = translate(operand);
      if (translation.matchesNothing()) {
        if (and) {
          return Translation.nothing();
        }
      } else if (translation.query().isEmpty()) {
        if (!and) {
          return Translation.everything();
        }
      } else {
        queries.add(translation.query().get());
      }
    }
    if (queries.isEmpty()) {
      return and ? Translation.everything() : Translation.nothing();
    }
    if (!and) {
      queries = mergeEquals(queries);
    }
    return Translation.of(queries.size() == 1 ? queries.get(0)
        : AppwriteQuery.combine(and ? "and" : "or", queries));
  }

  /**
   * {@code equal} queries on one attribute under an {@code or} as one {@code equal} with all their
   * values, which Appwrite reads as "in": an IdP's chain of {@code userName eq} stays short.
   */
  private static List<ObjectNode> mergeEquals(List<ObjectNode> queries) {
    Map<String, ObjectNode> equals = new LinkedHashMap<>();
    List<ObjectNode> merged = new ArrayList<>();
    for (ObjectNode query : queries) {
      if (!query.path("method").asText().equals("equal")) {
        merged.add(query);
        continue;
      }
      String attribute = query.path("attribute").asText();
      ObjectNode first = equals.get(attribute);
      if (first == null) {
        ObjectNode copy = query.deepCopy();
        equals.put(attribute, copy);
        merged.add(copy);
      } else {
        ((ArrayNode) first.get("values")).addAll((ArrayNode) query.get("values"));
      }
    }
    return merged;
  }

  private static String key(Path path) {
    return path.withoutFilters().toString().toLowerCase(Locale.ROOT);
  }

  /**
   * A translated filter: a query, no query (every document matches), or no document at all (an
   * {@code externalId} nobody has).
   */
  record Translation(Optional<ObjectNode> query, boolean matchesNothing) {

    static Translation of(ObjectNode query) {
      return new Translation(Optional.of(query), false);
    }

    static Translation everything() {
      return new Translation(Optional.empty(), false);
    }

    static Translation nothing() {
      return new Translation(Optional.empty(), true);
    }

    Translation negated() {
      if (matchesNothing) {
        return everything();
      }
      return query.map(q -> of(AppwriteQuery.negate(q))).orElseGet(Translation::nothing);
    }
  }
}
