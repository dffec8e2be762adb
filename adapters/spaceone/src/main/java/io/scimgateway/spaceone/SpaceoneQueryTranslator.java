package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import io.scimgateway.kit.CaseInsensitiveRegex;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.FilterWalker;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.Sorting;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What SpaceONE's user query evaluates of a SCIM filter, and the query for what the planner pushed
 * down. The query's shape is fixed: {@code filter} (all of these) and one {@code filter_or} (one of
 * those), so an {@code or} of comparisons goes down once, a {@code not} only where an operator has
 * an exact complement, and the rest stays in the gateway ({@link #combines}).
 *
 * <ul>
 *   <li>{@code userName} ({@code user_id}) and {@code displayName} ({@code name}) compare without
 *       regard to case, as SpaceONE's {@code regex} and {@code contain} do: {@code eq}, {@code sw}
 *       and {@code ew} are {@code regex} with the value escaped and anchored ({@code ^x$},
 *       {@code ^x}, {@code x$}), {@code co} is {@code contain}, each a superset the gateway checks
 *       again (SpaceONE folds case a letter at a time and matches the empty name of a user without
 *       one); {@code displayName pr} is a non-empty {@code name}, exact.
 *   <li>{@code id}: a group's is its user_group_id ({@code eq}/{@code not}); a user's names a
 *       user_id, selected with {@code in} as a superset ({@link SpaceoneUserIds}).
 *   <li>{@code meta.created} compares with {@code datetime_*}; {@code externalId eq} is answered
 *       from local state as ids {@code in}.
 * </ul>
 *
 * Thread-safe.
 */
final class SpaceoneQueryTranslator implements FilterSupport {

  /** Finds the SCIM ids of the resources whose local {@code externalId} is the value. */
  @FunctionalInterface
  interface ExternalIds {
    List<String> of(String externalId);
  }

  /** The platform id a SCIM id names, if it names one. */
  @FunctionalInterface
  interface PlatformIds {
    Optional<String> of(String scimId);
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<FilterType> TEXT = Set.of(FilterType.EQUAL, FilterType.CONTAINS,
      FilterType.STARTS_WITH, FilterType.ENDS_WITH, FilterType.PRESENT);
  /** The datetime_* operator of each ordering comparison. */
  private static final Map<FilterType, String> ORDERS = Map.of(
      FilterType.GREATER_THAN, "gt", FilterType.GREATER_OR_EQUAL, "gte",
      FilterType.LESS_THAN, "lt", FilterType.LESS_OR_EQUAL, "lte");

  private final String idField;
  /** SCIM attributes compared without regard to case, by lower-case path, and their SpaceONE fields. */
  private final Map<String, String> textFields;
  private final ExternalIds externalIds;
  /** Null where SCIM ids are platform ids; else how a SCIM id names one, which then matches a superset. */
  private final PlatformIds platformIds;

  private SpaceoneQueryTranslator(String idField, Map<String, String> textFields, ExternalIds externalIds,
      PlatformIds platformIds) {
    this.idField = idField;
    this.textFields = Map.copyOf(textFields);
    this.externalIds = externalIds;
    this.platformIds = platformIds;
  }

  /**
   * Users: {@code userName} and {@code displayName} are {@code user_id} and {@code name}. A SCIM id
   * names a user_id and its creation time; ids (and externalIds, through them) select by user_id,
   * a superset the gateway narrows.
   */
  static SpaceoneQueryTranslator users(ExternalIds externalIds) {
    return new SpaceoneQueryTranslator("user_id", Map.of("username", "user_id", "displayname", "name"),
        externalIds, id -> SpaceoneUserIds.parse(id).map(SpaceoneUserIds.Key::userId));
  }

  /**
   * Groups (v2 user groups, v1 projects): {@code displayName} is {@code name}, {@code id} the record's
   * {@code idField}; no {@code active}.
   */
  static SpaceoneQueryTranslator groups(String idField, ExternalIds externalIds) {
    return new SpaceoneQueryTranslator(idField, Map.of("displayname", "name"), externalIds, null);
  }

  @Override
  public Support support(Path attribute, FilterType operator) {
    String key = key(attribute);
    if (textFields.containsKey(key)) {
      // SpaceONE folds case a letter at a time (İ matches i), SCIM a whole value at a time, and it
      // keeps an empty name where SCIM has none: what it finds is checked again by the gateway.
      return !TEXT.contains(operator) ? Support.NONE
          : operator == FilterType.PRESENT ? Support.EXACT : Support.SUPERSET;
    }
    Support ids = platformIds == null ? Support.EXACT : Support.SUPERSET;
    return switch (key) {
      case "id" -> operator == FilterType.EQUAL || (operator == FilterType.NOT_EQUAL && ids == Support.EXACT)
          ? ids : Support.NONE;
      case "externalid" -> operator == FilterType.EQUAL ? ids : Support.NONE;
      case "meta.created" -> ORDERS.containsKey(operator) ? Support.EXACT : Support.NONE;
      default -> Support.NONE;
    };
  }

  /** "All of these, and one of those": one or-group of comparisons, and not only where exact. */
  @Override
  public boolean combines(Filter combination) {
    return switch (combination.getFilterType()) {
      case OR -> combination.getCombinedFilters().stream().allMatch(SpaceoneQueryTranslator::comparison);
      case NOT -> negatable(combination.getInvertedFilter());
      case AND -> combination.getCombinedFilters().stream().allMatch(this::conjunct)
          && orGroups(combination) <= 1;
      default -> true;
    };
  }

  private boolean conjunct(Filter operand) {
    return comparison(operand) || combines(operand);
  }

  private static long orGroups(Filter and) {
    long groups = 0;
    for (Filter operand : and.getCombinedFilters()) {
      if (operand.getFilterType() == FilterType.OR) {
        groups++;
      } else if (operand.getFilterType() == FilterType.AND) {
        groups += orGroups(operand);
      }
    }
    return groups;
  }

  private static boolean comparison(Filter filter) {
    return !filter.isCombiningFilter() && filter.getFilterType() != FilterType.NOT
        && filter.getFilterType() != FilterType.COMPLEX_VALUE;
  }

  /** Comparisons whose complement SpaceONE has: {@code not}, {@code not_contain}, {@code not_in}. */
  private boolean negatable(Filter operand) {
    if (!comparison(operand)) {
      return false;
    }
    String key = key(operand.getAttributePath());
    FilterType type = operand.getFilterType();
    if (textFields.containsKey(key)) {
      return type == FilterType.CONTAINS;
    }
    return platformIds == null && List.of("id", "externalid").contains(key)
        && (type == FilterType.EQUAL || type == FilterType.NOT_EQUAL);
  }

  /** The {@code query} of a list call for what was pushed, in this order and window. */
  ObjectNode query(Filter pushed, Sorting sorting, PageWindow.Offset window) throws ScimException {
    ObjectNode query = JSON.objectNode();
    ArrayNode all = query.putArray("filter");
    if (pushed != null) {
      conditions(pushed, all, query);
    }
    if (all.isEmpty()) {
      query.remove("filter");
    }
    ArrayNode keys = query.putObject("sort").putArray("keys");
    if (sorting != null) {
      keys.addObject().put("key", sortKey(sorting.attribute())).put("desc", sorting.descending());
    }
    keys.addObject().put("key", idField).put("desc", false);
    if (window.limit() == 0) {
      query.put("count_only", true);
    } else {
      query.putObject("page").put("start", window.offset() + 1).put("limit", window.limit());
    }
    return query;
  }

  /**
   * The {@code query} of a list call for a keyset window in the platform id's order: the records
   * after (or, for {@code before}, just before) {@code position}, a platform id, or from the first.
   */
  ObjectNode keyset(Filter pushed, String position, boolean before, int limit) throws ScimException {
    ObjectNode query = JSON.objectNode();
    ArrayNode all = query.putArray("filter");
    if (pushed != null) {
      conditions(pushed, all, query);
    }
    if (position != null) {
      all.add(condition(idField, before ? "lt" : "gt", JSON.textNode(position), FilterType.EQUAL));
    }
    query.putObject("sort").putArray("keys").addObject().put("key", idField).put("desc", before);
    query.putObject("page").put("start", 1).put("limit", Math.max(1, limit));
    return query;
  }

  /** The {@code query} that counts what was pushed. */
  ObjectNode count(Filter pushed) throws ScimException {
    ObjectNode query = JSON.objectNode();
    ArrayNode all = query.putArray("filter");
    if (pushed != null) {
      conditions(pushed, all, query);
    }
    return query.put("count_only", true);
  }

  /** Whether SpaceONE orders by this attribute as SCIM does: creation time, or a case-exact platform id. */
  boolean sorts(Path attribute) {
    String key = key(attribute);
    return key.equals("meta.created") || (key.equals("id") && platformIds == null);
  }

  private String sortKey(Path attribute) {
    return key(attribute).equals("id") ? idField : "created_at";
  }

  private void conditions(Filter filter, ArrayNode all, ObjectNode query) throws ScimException {
    filter.visit(conditionWalk, new Target(all, query));
  }

  /** Where a walk puts conditions: {@code filter} (all must hold), or {@code filter_or} beside it. */
  private record Target(ArrayNode all, ObjectNode query) {
  }

  /** The walk that makes conditions: an "and" adds its operands', an "or" is the query's one or-group. */
  private final FilterWalker<Void, Target> conditionWalk = new FilterWalker<>() {
    @Override
    protected Void comparison(Filter term, Target target) throws ScimException {
      target.all().add(condition(term, false));
      return null;
    }

    @Override
    public Void visit(AndFilter filter, Target target) throws ScimException {
      for (Filter operand : filter.getCombinedFilters()) {
        operand.visit(this, target);
      }
      return null;
    }

    @Override
    public Void visit(OrFilter filter, Target target) throws ScimException {
      ArrayNode any = target.query().putArray("filter_or");
      for (Filter operand : filter.getCombinedFilters()) {
        any.add(condition(operand, false));
      }
      return null;
    }

    @Override
    public Void visit(NotFilter filter, Target target) throws ScimException {
      target.all().add(condition(filter.getInvertedFilter(), true));
      return null;
    }

    @Override
    public Void visit(ComplexValueFilter filter, Target target) {
      throw new IllegalStateException("the planner pushed a value filter SpaceONE cannot take: " + filter);
    }
  };

  private ObjectNode condition(Filter term, boolean negated) throws ScimException {
    String key = key(term.getAttributePath());
    FilterType type = term.getFilterType();
    JsonNode value = term.getComparisonValue();
    if (textFields.containsKey(key)) {
      return text(textFields.get(key), type, value, negated);
    }
    return switch (key) {
      case "id" -> platformIds == null
          ? condition(idField, negated == (type == FilterType.EQUAL) ? "not" : "eq", value, type)
          : condition(idField, "in", platformIdsOf(List.of(value.asText())), type);
      case "externalid" -> condition(idField, negated ? "not_in" : "in",
          platformIdsOf(externalIds.of(value.asText())), type);
      case "meta.created" -> condition("created_at", "datetime_" + ORDERS.get(type),
          JSON.textNode(instant(value)), type);
      default -> throw new IllegalStateException("the planner pushed a filter SpaceONE cannot take: " + term);
    };
  }

  /** The platform ids these SCIM ids name; none named matches nothing. */
  private ArrayNode platformIdsOf(List<String> scimIds) {
    ArrayNode ids = JSON.arrayNode();
    for (String scimId : scimIds) {
      if (platformIds == null) {
        ids.add(scimId);
      } else {
        platformIds.of(scimId).ifPresent(ids::add);
      }
    }
    return ids;
  }

  private static ObjectNode text(String field, FilterType type, JsonNode value, boolean negated) {
    if (type == FilterType.PRESENT) {
      return condition(field, "regex", JSON.textNode("\\S"), type); // a non-empty value
    }
    String text = value.asText();
    if (type == FilterType.CONTAINS && text.chars().allMatch(c -> c < 128)) {
      return condition(field, negated ? "not_contain" : "contain", JSON.textNode(text), type);
    }
    return condition(field, "regex", JSON.textNode(CaseInsensitiveRegex.of(type, text)), type);
  }

  private static ObjectNode condition(String key, String operator, JsonNode value, FilterType type) {
    ObjectNode condition = JSON.objectNode().put("k", key);
    condition.set("v", value);
    return condition.put("o", operator);
  }

  private static String instant(JsonNode value) throws ScimException {
    try {
      return OffsetDateTime.parse(value.asText()).toInstant().toString();
    } catch (DateTimeParseException e) {
      throw BadRequestException.invalidFilter("meta.created compares with a date-time such as "
          + "2026-01-31T12:00:00Z, not " + value);
    }
  }

  private static String key(Path path) {
    return path.withoutFilters().toString().toLowerCase(Locale.ROOT);
  }
}
