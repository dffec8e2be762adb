package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.Sorting;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 *       {@code ^x}, {@code x$}), {@code co} is {@code contain}; {@code displayName pr} is a
 *       non-empty {@code name}.
 *   <li>{@code id} ({@code user_id}, case-exact): {@code eq}/{@code ne} are {@code eq}/{@code not}.
 *   <li>{@code active} is {@code state} {@code ENABLED} or not; {@code meta.created} compares with
 *       {@code datetime_*}; {@code externalId eq} is answered from local state as {@code user_id in}.
 * </ul>
 *
 * Thread-safe.
 */
final class SpaceoneQueryTranslator implements FilterSupport {

  /** Finds the ids of the users whose local {@code externalId} is the value. */
  @FunctionalInterface
  interface ExternalIds {
    List<String> of(String externalId);
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<FilterType> TEXT = Set.of(FilterType.EQUAL, FilterType.CONTAINS,
      FilterType.STARTS_WITH, FilterType.ENDS_WITH, FilterType.PRESENT);
  /** The datetime_* operator of each ordering comparison. */
  private static final Map<FilterType, String> ORDERS = Map.of(
      FilterType.GREATER_THAN, "gt", FilterType.GREATER_OR_EQUAL, "gte",
      FilterType.LESS_THAN, "lt", FilterType.LESS_OR_EQUAL, "lte");

  private final ExternalIds externalIds;

  SpaceoneQueryTranslator(ExternalIds externalIds) {
    this.externalIds = externalIds;
  }

  @Override
  public Support support(Path attribute, FilterType operator) {
    return switch (key(attribute)) {
      case "username", "displayname" -> TEXT.contains(operator) ? Support.EXACT : Support.NONE;
      case "id" -> operator == FilterType.EQUAL || operator == FilterType.NOT_EQUAL ? Support.EXACT
          : operator == FilterType.CONTAINS || operator == FilterType.STARTS_WITH
              || operator == FilterType.ENDS_WITH ? Support.SUPERSET : Support.NONE;
      case "active", "externalid" -> operator == FilterType.EQUAL ? Support.EXACT : Support.NONE;
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
  private static boolean negatable(Filter operand) {
    if (!comparison(operand)) {
      return false;
    }
    String key = key(operand.getAttributePath());
    FilterType type = operand.getFilterType();
    return switch (key) {
      case "id", "active", "externalid" -> type == FilterType.EQUAL || type == FilterType.NOT_EQUAL;
      case "username", "displayname" -> type == FilterType.CONTAINS;
      default -> false;
    };
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
    keys.addObject().put("key", "user_id").put("desc", false);
    if (window.limit() == 0) {
      query.put("count_only", true);
    } else {
      query.putObject("page").put("start", window.offset() + 1).put("limit", window.limit());
    }
    return query;
  }

  /** Whether the store orders by this attribute as SCIM does: by creation time, or by case-exact id. */
  static boolean sorts(Path attribute) {
    return List.of("meta.created", "id").contains(key(attribute));
  }

  private static String sortKey(Path attribute) {
    return key(attribute).equals("id") ? "user_id" : "created_at";
  }

  private void conditions(Filter filter, ArrayNode all, ObjectNode query) throws ScimException {
    switch (filter.getFilterType()) {
      case AND -> {
        for (Filter operand : filter.getCombinedFilters()) {
          conditions(operand, all, query);
        }
      }
      case OR -> {
        ArrayNode any = query.putArray("filter_or");
        for (Filter operand : filter.getCombinedFilters()) {
          any.add(condition(operand, false));
        }
      }
      case NOT -> all.add(condition(filter.getInvertedFilter(), true));
      default -> all.add(condition(filter, false));
    }
  }

  private ObjectNode condition(Filter term, boolean negated) throws ScimException {
    String key = key(term.getAttributePath());
    FilterType type = term.getFilterType();
    JsonNode value = term.getComparisonValue();
    return switch (key) {
      case "username", "displayname" -> text(key.equals("username") ? "user_id" : "name", type,
          value, negated);
      case "id" -> condition("user_id", negated == (type == FilterType.EQUAL) ? "not" : "eq",
          JSON.textNode(value.asText()), type);
      case "active" -> condition("state", negated == value.asBoolean() ? "not" : "eq",
          JSON.textNode("ENABLED"), type);
      case "externalid" -> {
        ArrayNode ids = JSON.arrayNode();
        externalIds.of(value.asText()).forEach(ids::add);
        yield condition("user_id", negated ? "not_in" : "in", ids, type);
      }
      case "meta.created" -> condition("created_at", "datetime_" + ORDERS.get(type),
          JSON.textNode(instant(value)), type);
      default -> throw new IllegalStateException("the planner pushed a filter SpaceONE cannot take: " + term);
    };
  }

  private static ObjectNode text(String field, FilterType type, JsonNode value, boolean negated) {
    if (type == FilterType.PRESENT) {
      return condition(field, "regex", JSON.textNode("\\S"), type); // a non-empty value
    }
    String text = value.asText();
    return switch (type) {
      case EQUAL -> condition(field, "regex", JSON.textNode("^" + escaped(text) + "$"), type);
      case STARTS_WITH -> condition(field, "regex", JSON.textNode("^" + escaped(text)), type);
      case ENDS_WITH -> condition(field, "regex", JSON.textNode(escaped(text) + "$"), type);
      default -> condition(field, negated ? "not_contain" : "contain", JSON.textNode(text), type);
    };
  }

  private static ObjectNode condition(String key, String operator, JsonNode value, FilterType type) {
    ObjectNode condition = JSON.objectNode().put("k", key);
    condition.set("v", value);
    return condition.put("o", operator);
  }

  /** A regular expression that matches {@code text} literally: ASCII punctuation escaped. */
  static String escaped(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (c < 128 && !Character.isLetterOrDigit(c)) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
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
