package io.scimgateway.emulator.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * brainCloud's generic paged query: a context of {@code pagination} (1-based {@code pageNumber},
 * {@code rowsPerPage}, {@code doCount}), {@code searchCriteria} and {@code sortCriteria} gives one page and an opaque
 * context string (base64 JSON) that the {@code ..._OFFSET} call moves by {@code pageOffset} pages. Without
 * {@code doCount} the answer's count is 0, as an app too large to count would leave it untrustworthy.
 */
final class BcPagedQuery {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BcPagedQuery() {
  }

  /** SYS_GET_PAGE and its kin: {@code data.context} is the query as an object. */
  static ObjectNode first(List<ObjectNode> items, JsonNode data) {
    JsonNode context = data.path("context");
    if (!context.isObject()) {
      throw BcFailure.badRequest(BcFailure.INVALID_QUERY_CONTEXT, "context must be an object");
    }
    return page(items, ((ObjectNode) context).deepCopy());
  }

  /** SYS_GET_PAGE_OFFSET and its kin: {@code data.context} is a string from an earlier answer. */
  static ObjectNode offset(List<ObjectNode> items, JsonNode data) {
    ObjectNode context = decode(data.path("context").asText(""));
    ObjectNode pagination = context.with("pagination");
    pagination.put("pageNumber", pagination.path("pageNumber").asInt(1) + data.path("pageOffset").asInt(0));
    return page(items, context);
  }

  private static ObjectNode page(List<ObjectNode> items, ObjectNode context) {
    JsonNode pagination = context.path("pagination");
    int rows = pagination.path("rowsPerPage").asInt(0);
    int number = pagination.path("pageNumber").asInt(0);
    if (rows < 1 || number < 1) {
      throw BcFailure.badRequest(BcFailure.INVALID_QUERY_CONTEXT,
          "pagination needs rowsPerPage and pageNumber of 1 or more");
    }
    List<ObjectNode> matching = new ArrayList<>();
    JsonNode criteria = context.path("searchCriteria");
    for (ObjectNode item : items) {
      if (!criteria.isObject() || BcCriteria.matches(item, criteria)) {
        matching.add(item);
      }
    }
    matching.sort(order(context.path("sortCriteria")));
    long from = (long) (number - 1) * rows;
    ObjectNode answer = JSON.createObjectNode().put("context", encode(context));
    ObjectNode results = answer.putObject("results");
    results.put("count", pagination.path("doCount").asBoolean(false) ? matching.size() : 0)
        .put("page", number).put("moreBefore", number > 1 && !matching.isEmpty())
        .put("moreAfter", from + rows < matching.size());
    results.putArray("items").addAll(matching.subList((int) Math.min(from, matching.size()),
        (int) Math.min(from + rows, matching.size())));
    return answer;
  }

  /** The sort criteria's fields in order, 1 ascending and -1 descending; ties keep the items' order. */
  private static Comparator<ObjectNode> order(JsonNode sortCriteria) {
    Comparator<ObjectNode> order = (a, b) -> 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = sortCriteria.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> key = it.next();
      Comparator<ObjectNode> byField = Comparator.comparing(item -> item.path(key.getKey()).asText(""));
      order = order.thenComparing(key.getValue().asInt(1) < 0 ? byField.reversed() : byField);
    }
    return order;
  }

  private static String encode(ObjectNode context) {
    return Base64.getEncoder().encodeToString(context.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode decode(String context) {
    try {
      JsonNode decoded = JSON.readTree(Base64.getDecoder().decode(context));
      if (decoded instanceof ObjectNode object) {
        return object;
      }
    } catch (IllegalArgumentException | IOException e) {
      // answered below
    }
    throw BcFailure.badRequest(BcFailure.DECODE_CONTEXT, "The context cannot be decoded");
  }
}
