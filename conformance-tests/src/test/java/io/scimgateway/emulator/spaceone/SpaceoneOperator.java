package io.scimgateway.emulator.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The filter operators of python-core's {@code FILTER_OPERATORS}, evaluated over one record's field value as MongoDB
 * would: {@code contain} and {@code regex} ignore case, a list field matches when one of its items does. Values are
 * checked first: a list for a single-value operator is {@code ERROR_OPERATOR_VALUE_TYPE}, a non-list for a list
 * operator {@code ERROR_OPERATOR_LIST_VALUE_TYPE}, a non-boolean for {@code exists}
 * {@code ERROR_OPERATOR_BOOLEAN_TYPE}, a non-ISO date for {@code datetime_*} {@code ERROR_DB_QUERY}.
 * {@code timediff_*} (relative times) is not emulated and is refused as unsupported.
 */
final class SpaceoneOperator {

  private enum Kind {
    SINGLE, LIST, BOOLEAN, DICT
  }

  private record Definition(Kind kind, BiPredicate<JsonNode, JsonNode> test) {
  }

  private static final Map<String, Definition> OPERATORS = Map.ofEntries(
      Map.entry("eq", single((field, value) -> anyItem(field, item -> item.equals(value)))),
      Map.entry("not", single((field, value) -> !anyItem(field, item -> item.equals(value)))),
      Map.entry("lt", single((field, value) -> anyItem(field, item -> ordered(compare(item, value), c -> c < 0)))),
      Map.entry("lte", single((field, value) -> anyItem(field, item -> ordered(compare(item, value), c -> c <= 0)))),
      Map.entry("gt", single((field, value) -> anyItem(field, item -> ordered(compare(item, value), c -> c > 0)))),
      Map.entry("gte", single((field, value) -> anyItem(field, item -> ordered(compare(item, value), c -> c >= 0)))),
      Map.entry("exists", new Definition(Kind.BOOLEAN, (field, value) -> !field.isMissingNode() == value.asBoolean())),
      Map.entry("contain", single((field, value) -> anyItem(field, item -> contains(item, value)))),
      Map.entry("not_contain", single((field, value) -> !anyItem(field, item -> contains(item, value)))),
      Map.entry("in", list((field, value) -> anyOf(value, v -> anyItem(field, item -> item.equals(v))))),
      Map.entry("not_in", list((field, value) -> !anyOf(value, v -> anyItem(field, item -> item.equals(v))))),
      Map.entry("contain_in", list((field, value) -> anyOf(value, v -> anyItem(field, item -> contains(item, v))))),
      Map.entry("not_contain_in",
          list((field, value) -> !anyOf(value, v -> anyItem(field, item -> contains(item, v))))),
      Map.entry("regex", single((field, value) -> anyItem(field, item -> regex(item, value)))),
      Map.entry("regex_in", list((field, value) -> anyOf(value, v -> anyItem(field, item -> regex(item, v))))),
      Map.entry("match", new Definition(Kind.DICT, SpaceoneOperator::elementMatch)),
      Map.entry("datetime_gt", single((field, value) -> ordered(compareTime(field, value), c -> c > 0))),
      Map.entry("datetime_gte", single((field, value) -> ordered(compareTime(field, value), c -> c >= 0))),
      Map.entry("datetime_lt", single((field, value) -> ordered(compareTime(field, value), c -> c < 0))),
      Map.entry("datetime_lte", single((field, value) -> ordered(compareTime(field, value), c -> c <= 0))));

  private final String name;
  private final Definition definition;
  private final JsonNode value;

  private SpaceoneOperator(String name, Definition definition, JsonNode value) {
    this.name = name;
    this.definition = definition;
    this.value = value;
  }

  /** The operator named {@code name} with its checked {@code value}. */
  static SpaceoneOperator of(String key, String name, JsonNode value) {
    Definition definition = OPERATORS.get(name == null ? "eq" : name);
    if (definition == null) {
      throw SpaceoneError.dbQuery("Filter operator is not supported. (operator = " + name + ")");
    }
    switch (definition.kind()) {
      case SINGLE -> {
        if (value.isArray()) {
          throw SpaceoneError.invalid("ERROR_OPERATOR_VALUE_TYPE",
              "Operator value type is invalid. (operator = " + name + ", value_type = list)");
        }
      }
      case LIST -> {
        if (!value.isArray()) {
          throw SpaceoneError.invalid("ERROR_OPERATOR_LIST_VALUE_TYPE",
              "Operator value type must be list. (operator = " + name + ", key = " + key + ")");
        }
      }
      case BOOLEAN -> {
        if (!value.isBoolean()) {
          throw SpaceoneError.invalid("ERROR_OPERATOR_BOOLEAN_TYPE",
              "Operator value type must be boolean. (operator = " + name + ", key = " + key + ")");
        }
      }
      case DICT -> {
        if (!value.isObject()) {
          throw SpaceoneError.invalid("ERROR_OPERATOR_DICT_TYPE",
              "Operator value type must be dict. (operator = " + name + ", key = " + key + ")");
        }
      }
    }
    if (name != null && name.startsWith("datetime_")) {
      instant(value.asText(), true);
    }
    if (name != null && name.startsWith("regex")) {
      (value.isArray() ? value : List.of(value)).forEach(SpaceoneOperator::pattern);
    }
    return new SpaceoneOperator(name, definition, value);
  }

  boolean test(JsonNode field) {
    return definition.test().test(field, value);
  }

  @Override
  public String toString() {
    return name + " " + value;
  }

  private static Definition single(BiPredicate<JsonNode, JsonNode> test) {
    return new Definition(Kind.SINGLE, test);
  }

  private static Definition list(BiPredicate<JsonNode, JsonNode> test) {
    return new Definition(Kind.LIST, test);
  }

  private interface ItemTest {
    boolean test(JsonNode item);
  }

  /** A list field matches when one of its items does, as in MongoDB. */
  private static boolean anyItem(JsonNode field, ItemTest test) {
    if (field.isArray()) {
      for (JsonNode item : field) {
        if (test.test(item)) {
          return true;
        }
      }
      return false;
    }
    return test.test(field);
  }

  private static boolean anyOf(JsonNode values, ItemTest test) {
    for (JsonNode value : values) {
      if (test.test(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(JsonNode item, JsonNode value) {
    return item.isTextual() && item.asText().toLowerCase(Locale.ROOT)
        .contains(value.asText().toLowerCase(Locale.ROOT));
  }

  private static boolean regex(JsonNode item, JsonNode value) {
    return item.isTextual() && pattern(value).matcher(item.asText()).find();
  }

  private static Pattern pattern(JsonNode value) {
    try {
      return Pattern.compile(value.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw SpaceoneError.dbQuery("Invalid regular expression. (value = " + value.asText() + ")");
    }
  }

  private static boolean ordered(Integer comparison, IntPredicate test) {
    return comparison != null && test.test(comparison);
  }

  /** Only values of one kind compare, as BSON ordering within a type; null for values that never match. */
  private static Integer compare(JsonNode item, JsonNode value) {
    if (item.isNumber() && value.isNumber()) {
      return Double.compare(item.asDouble(), value.asDouble());
    }
    if (item.isTextual() && value.isTextual()) {
      return item.asText().compareTo(value.asText());
    }
    return null;
  }

  private static Integer compareTime(JsonNode field, JsonNode value) {
    Instant stored = field.isTextual() ? instant(field.asText(), false) : null;
    return stored == null ? null : stored.compareTo(instant(value.asText(), true));
  }

  private static Instant instant(String text, boolean strict) {
    try {
      return Instant.parse(text.endsWith("Z") || text.contains("+") ? text : text + "Z");
    } catch (DateTimeParseException e) {
      if (strict) {
        throw SpaceoneError.dbQuery("Invalid datetime format. (value = " + text + ")");
      }
      return null;
    }
  }

  private static boolean elementMatch(JsonNode field, JsonNode condition) {
    if (!field.isArray()) {
      return false;
    }
    List<Map.Entry<String, JsonNode>> wanted = new ArrayList<>();
    condition.fields().forEachRemaining(wanted::add);
    for (JsonNode item : field) {
      if (wanted.stream().allMatch(entry -> item.path(entry.getKey()).equals(entry.getValue()))) {
        return true;
      }
    }
    return false;
  }
}
