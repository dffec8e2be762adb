package io.scimgateway.emulator.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * MongoDB-style {@code searchCriteria} evaluated against one item: equality, {@code $eq}, {@code $ne}, {@code $in},
 * {@code $nin}, {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, {@code $exists}, {@code $regex} with
 * {@code $options} ({@code i} ignores case), {@code $not}, and {@code $and}, {@code $or}, {@code $nor}; dot notation
 * reaches nested fields. An operator it does not know refuses the query (40384).
 */
final class BcCriteria {

  private BcCriteria() {
  }

  static boolean matches(JsonNode item, JsonNode criteria) {
    for (Iterator<Map.Entry<String, JsonNode>> it = criteria.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> term = it.next();
      if (!matchesTerm(item, term.getKey(), term.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesTerm(JsonNode item, String key, JsonNode condition) {
    switch (key) {
      case "$and":
        for (JsonNode each : condition) {
          if (!matches(item, each)) {
            return false;
          }
        }
        return true;
      case "$or":
        for (JsonNode each : condition) {
          if (matches(item, each)) {
            return true;
          }
        }
        return false;
      case "$nor":
        for (JsonNode each : condition) {
          if (matches(item, each)) {
            return false;
          }
        }
        return true;
      default:
        if (key.startsWith("$")) {
          throw refused(key);
        }
        return matchesValue(field(item, key), condition);
    }
  }

  private static JsonNode field(JsonNode item, String path) {
    JsonNode node = item;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  private static boolean matchesValue(JsonNode value, JsonNode condition) {
    boolean operators = condition.isObject() && condition.size() > 0
        && condition.fieldNames().next().startsWith("$");
    if (!operators) {
      return equal(value, condition);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = condition.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> op = it.next();
      if (!operator(value, op.getKey(), op.getValue(), condition)) {
        return false;
      }
    }
    return true;
  }

  private static boolean operator(JsonNode value, String op, JsonNode operand, JsonNode condition) {
    return switch (op) {
      case "$eq" -> equal(value, operand);
      case "$ne" -> !equal(value, operand);
      case "$in" -> contains(operand, value);
      case "$nin" -> !contains(operand, value);
      case "$gt" -> ordered(value, operand, c -> c > 0);
      case "$gte" -> ordered(value, operand, c -> c >= 0);
      case "$lt" -> ordered(value, operand, c -> c < 0);
      case "$lte" -> ordered(value, operand, c -> c <= 0);
      case "$exists" -> operand.asBoolean() != (value.isMissingNode() || value.isNull());
      case "$regex" -> value.isTextual() && regex(operand.asText(), condition.path("$options").asText(""))
          .matcher(value.asText()).find();
      case "$options" -> true;
      case "$not" -> !matchesValue(value, operand);
      default -> throw refused(op);
    };
  }

  private static Pattern regex(String pattern, String options) {
    return Pattern.compile(pattern, options.contains("i")
        ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
  }

  private static boolean equal(JsonNode value, JsonNode operand) {
    if (value.isArray()) {
      return contains(value, operand);
    }
    if (value.isNumber() && operand.isNumber()) {
      return value.decimalValue().compareTo(operand.decimalValue()) == 0;
    }
    return value.equals(operand) || (value.isMissingNode() && operand.isNull());
  }

  private static boolean contains(JsonNode list, JsonNode value) {
    for (JsonNode each : list) {
      if (equal(value, each)) {
        return true;
      }
    }
    return false;
  }

  /** Values of different types are not ordered: no match either way. */
  private static boolean ordered(JsonNode value, JsonNode operand, IntPredicate test) {
    if (value.isNumber() && operand.isNumber()) {
      return test.test(value.decimalValue().compareTo(operand.decimalValue()));
    }
    return value.isTextual() && operand.isTextual() && test.test(value.asText().compareTo(operand.asText()));
  }

  private static BcFailure refused(String op) {
    return BcFailure.badRequest(BcFailure.INVALID_QUERY_CONTEXT, "Unsupported query operator " + op);
  }
}
