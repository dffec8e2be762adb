package io.scimgateway.emulator.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code core.v1.Query} object of a list call: {@code filter} (ANDed) and {@code filter_or} (ORed, that group
 * ANDed with the rest), entries written long ({@code key/value/operator}) or short ({@code k/v/o}); the list
 * request's convenience fields as more {@code eq} (or {@code in}, for a list) filters; {@code keyword} as
 * {@code contain_in} over the keyword fields; {@code sort.key}/{@code desc} or {@code sort.keys[]}, then the default
 * order and a tiebreak; {@code page.start} (1-based) and {@code page.limit} (only when above 0, no maximum);
 * {@code only}, {@code minimal} and {@code count_only}. {@code total_count} is counted before paging.
 */
final class SpaceoneQuery {

  private record Condition(String key, SpaceoneOperator operator) {
    boolean test(ObjectNode record) {
      return operator.test(field(record, key));
    }
  }

  private record SortKey(String key, boolean descending) {
  }

  private final List<Condition> all = new ArrayList<>();
  private final List<Condition> any = new ArrayList<>();
  private final List<SortKey> sort = new ArrayList<>();
  private final JsonNode query;

  private SpaceoneQuery(JsonNode query) {
    this.query = query;
  }

  /**
   * @param conveniences the list request's exact-match fields that are set, e.g. {@code user_id}
   * @param keywordFields what {@code keyword} searches
   */
  static SpaceoneQuery of(SpaceoneCall call, List<String> conveniences, List<String> keywordFields) {
    JsonNode query = call.body().path("query");
    if (!query.isMissingNode() && !query.isNull() && !query.isObject()) {
      throw SpaceoneError.parameterType("query", "dict");
    }
    SpaceoneQuery parsed = new SpaceoneQuery(query);
    parsed.all.addAll(conditions(query.path("filter"), "query.filter"));
    parsed.any.addAll(conditions(query.path("filter_or"), "query.filter_or"));
    for (String field : conveniences) {
      JsonNode value = call.body().get(field);
      if (value != null && !value.isNull()) {
        parsed.all.add(new Condition(field, SpaceoneOperator.of(field, value.isArray() ? "in" : "eq", value)));
      }
    }
    String keyword = query.path("keyword").asText("").trim();
    if (!keyword.isEmpty()) {
      ArrayNode words = JsonNodeFactory.instance.arrayNode();
      for (String word : keyword.split("\\s+")) {
        words.add(word);
      }
      keywordFields.forEach(field -> parsed.any.add(
          new Condition(field, SpaceoneOperator.of(field, "contain_in", words))));
    }
    parsed.sort.addAll(sortKeys(query.path("sort")));
    return parsed;
  }

  private static List<Condition> conditions(JsonNode entries, String where) {
    List<Condition> conditions = new ArrayList<>();
    if (entries.isMissingNode() || entries.isNull()) {
      return conditions;
    }
    if (!entries.isArray()) {
      throw SpaceoneError.parameterType(where, "list");
    }
    for (JsonNode entry : entries) {
      String key = text(entry, "key", "k");
      JsonNode value = entry.has("value") ? entry.get("value") : entry.get("v");
      if (key == null || value == null) {
        throw SpaceoneError.invalid("ERROR_DB_QUERY",
            "DB Query failed. (reason = Filter condition should have key and value. " + entry + ")");
      }
      conditions.add(new Condition(key, SpaceoneOperator.of(key, text(entry, "operator", "o"), value)));
    }
    return conditions;
  }

  private static String text(JsonNode entry, String name, String shortName) {
    JsonNode value = entry.has(name) ? entry.get(name) : entry.get(shortName);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<SortKey> sortKeys(JsonNode sort) {
    List<SortKey> keys = new ArrayList<>();
    if (sort.has("keys")) {
      sort.get("keys").forEach(key -> keys.add(new SortKey(key.path("key").asText(), key.path("desc").asBoolean())));
    } else if (sort.hasNonNull("key")) {
      keys.add(new SortKey(sort.get("key").asText(), sort.path("desc").asBoolean()));
    }
    return keys;
  }

  /** A dotted path into a record ({@code tags.department}); missing when any step is. */
  static JsonNode field(ObjectNode record, String key) {
    JsonNode node = record;
    for (String step : key.split("\\.")) {
      node = node.path(step);
    }
    return node;
  }

  Predicate<ObjectNode> matcher() {
    return record -> all.stream().allMatch(condition -> condition.test(record))
        && (any.isEmpty() || any.stream().anyMatch(condition -> condition.test(record)));
  }

  /**
   * The list answer: {@code results} (projected, one page) and {@code total_count}.
   *
   * @param defaultOrder the model's ordering field; {@code tiebreak} the record's unique key
   * @param minimalFields what {@code minimal:true} returns
   */
  ObjectNode answer(List<ObjectNode> records, String defaultOrder, String tiebreak, List<String> minimalFields) {
    List<ObjectNode> matched = new ArrayList<>(records.stream().filter(matcher()).toList());
    matched.sort(order(defaultOrder, tiebreak));
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ArrayNode results = answer.putArray("results");
    answer.put("total_count", matched.size());
    if (query.path("count_only").asBoolean(false)) {
      return answer;
    }
    int start = Math.max(1, query.path("page").path("start").asInt(1));
    int limit = query.path("page").path("limit").asInt(0);
    int from = Math.min(matched.size(), start - 1);
    int to = limit > 0 ? Math.min(matched.size(), from + limit) : matched.size();
    List<String> only = onlyFields(minimalFields);
    matched.subList(from, to).forEach(record -> results.add(project(record, only)));
    return answer;
  }

  private List<String> onlyFields(List<String> minimalFields) {
    List<String> only = new ArrayList<>();
    query.path("only").forEach(field -> only.add(field.asText()));
    if (only.isEmpty() && query.path("minimal").asBoolean(false)) {
      only.addAll(minimalFields);
    }
    return only;
  }

  static ObjectNode project(ObjectNode record, List<String> only) {
    if (only.isEmpty()) {
      return record.deepCopy();
    }
    ObjectNode projected = JsonNodeFactory.instance.objectNode();
    only.stream().filter(record::has).forEach(field -> projected.set(field, record.get(field).deepCopy()));
    return projected;
  }

  private Comparator<ObjectNode> order(String defaultOrder, String tiebreak) {
    List<SortKey> keys = new ArrayList<>(sort.isEmpty() ? List.of(new SortKey(defaultOrder, false)) : sort);
    keys.add(new SortKey(tiebreak, false));
    Comparator<ObjectNode> order = (a, b) -> 0;
    for (SortKey key : keys) {
      Comparator<ObjectNode> one = (a, b) -> compareValues(field(a, key.key()), field(b, key.key()));
      order = order.thenComparing(key.descending() ? one.reversed() : one);
    }
    return order;
  }

  /** MongoDB's order: missing and null first, numbers before strings, strings by code point. */
  private static int compareValues(JsonNode a, JsonNode b) {
    int rankA = rank(a);
    int rankB = rank(b);
    if (rankA != rankB) {
      return Integer.compare(rankA, rankB);
    }
    if (a.isNumber()) {
      return Double.compare(a.asDouble(), b.asDouble());
    }
    return rankA == 0 ? 0 : a.asText().compareTo(b.asText());
  }

  private static int rank(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return 0;
    }
    return value.isNumber() ? 1 : 2;
  }
}
