package io.scimgateway.conformance.equivalence;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random but reproducible, well-typed SCIM filters over the attributes of {@link FilterAttribute}:
 * single comparisons, value filters such as {@code emails[type eq "work" and value co "x"]}, and
 * {@code and}/{@code or}/{@code not} combinations nested up to {@link #MAX_DEPTH} levels.
 */
final class GeneratedFilters {

  static final int MAX_DEPTH = 3;

  private static final double LEAF_CHANCE = 0.45;
  private static final double VALUE_PATH_CHANCE = 0.12;
  private static final int MAX_ATTEMPTS_PER_FILTER = 10;

  private final Random random;
  private final ComparisonValues values;
  private final List<String> valuePathParents;

  GeneratedFilters(Random random, FilterValues values) {
    this.random = random;
    this.values = new ComparisonValues(random, values);
    this.valuePathParents = FilterAttribute.VALUE_PATHS.keySet().stream().sorted().toList();
  }

  /** {@code count} distinct filters (fewer only if the generator keeps repeating itself). */
  List<Filter> generate(int count) {
    Map<String, Filter> filters = new LinkedHashMap<>();
    for (int attempt = 0; filters.size() < count && attempt < count * MAX_ATTEMPTS_PER_FILTER; attempt++) {
      Filter filter = filter(MAX_DEPTH);
      filters.putIfAbsent(filter.toString(), filter);
    }
    return List.copyOf(filters.values());
  }

  private Filter filter(int depth) {
    if (depth == 0 || random.nextDouble() < LEAF_CHANCE) {
      return random.nextDouble() < VALUE_PATH_CHANCE ? valuePath() : leaf(pick(FilterAttribute.WEIGHTED));
    }
    return switch (random.nextInt(5)) {
      case 0, 1 -> Filter.and(operands(depth - 1));
      case 2, 3 -> Filter.or(operands(depth - 1));
      default -> Filter.not(filter(depth - 1));
    };
  }

  private List<Filter> operands(int depth) {
    List<Filter> operands = new ArrayList<>();
    for (int i = 2 + random.nextInt(2); i > 0; i--) {
      operands.add(filter(depth));
    }
    return operands;
  }

  /** A value filter on a multi-valued attribute: one to three comparisons of its sub-attributes. */
  private Filter valuePath() {
    String parent = pick(valuePathParents);
    List<String> subAttributes = FilterAttribute.VALUE_PATHS.get(parent);
    Filter inner = switch (random.nextInt(5)) {
      case 0, 1 -> subLeaf(parent, pick(subAttributes));
      case 2 -> Filter.and(subLeaf(parent, pick(subAttributes)), subLeaf(parent, pick(subAttributes)));
      case 3 -> Filter.or(subLeaf(parent, pick(subAttributes)), subLeaf(parent, pick(subAttributes)));
      default -> Filter.not(subLeaf(parent, pick(subAttributes)));
    };
    return Filter.complex(path(parent), inner);
  }

  /** A comparison inside a value filter: its path is relative to the multi-valued attribute. */
  private Filter subLeaf(String parent, String subAttribute) {
    return comparison(FilterAttribute.named(parent + "." + subAttribute), path(subAttribute));
  }

  private Filter leaf(FilterAttribute attribute) {
    return comparison(attribute, path(attribute.path()));
  }

  private Filter comparison(FilterAttribute attribute, Path path) {
    FilterType operator = pick(attribute.kind().operators);
    if (operator == FilterType.PRESENT) {
      return Filter.pr(path);
    }
    ValueNode value = values.value(attribute, operator);
    return switch (operator) {
      case EQUAL -> Filter.eq(path, value);
      case NOT_EQUAL -> Filter.ne(path, value);
      case CONTAINS -> Filter.co(path, value);
      case STARTS_WITH -> Filter.sw(path, value);
      case ENDS_WITH -> Filter.ew(path, value);
      case GREATER_THAN -> Filter.gt(path, value);
      case GREATER_OR_EQUAL -> Filter.ge(path, value);
      case LESS_THAN -> Filter.lt(path, value);
      case LESS_OR_EQUAL -> Filter.le(path, value);
      default -> throw new IllegalArgumentException("Not a comparison: " + operator);
    };
  }

  private static Path path(String path) {
    try {
      return Path.fromString(path);
    } catch (BadRequestException e) {
      throw new IllegalArgumentException(path, e);
    }
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
