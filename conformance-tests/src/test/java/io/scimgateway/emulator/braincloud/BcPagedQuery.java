package io.scimgateway.emulator.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * brainCloud's generic paged query: a context of {@code pagination} (1-based {@code pageNumber},
 * {@code rowsPerPage}, {@code doCount}), {@code searchCriteria} and {@code sortCriteria} gives one page and an opaque
 * context string (base64 JSON) that the {@code ..._OFFSET} call moves by {@code pageOffset} pages. Without
 * {@code doCount} the answer's count is 0, as an app too large to count would leave it untrustworthy. Criteria and
 * sorts see whole documents (a user's {@code createdAt} too); the items answered leave out the hidden fields. Sorts
 * compare as MongoDB does here: numbers as numbers, text by its characters (with case), a missing field first.
 */
final class BcPagedQuery {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BcPagedQuery() {
  }

  /** SYS_GET_PAGE and its kin: {@code data.context} is the query as an object. */
  static ObjectNode first(List<ObjectNode> documents, JsonNode data, Set<String> hidden) {
    JsonNode context = data.path("context");
    if (!context.isObject()) {
      throw BcFailure.badRequest(BcFailure.INVALID_QUERY_CONTEXT, "context must be an object");
    }
    return page(documents, ((ObjectNode) context).deepCopy(), hidden);
  }

  /** SYS_GET_PAGE_OFFSET and its kin: {@code data.context} is a string from an earlier answer. */
  static ObjectNode offset(List<ObjectNode> documents, JsonNode data, Set<String> hidden) {
    ObjectNode context = decode(data.path("context").asText(""));
    ObjectNode pagination = context.with("pagination");
    pagination.put("pageNumber", pagination.path("pageNumber").asInt(1) + data.path("pageOffset").asInt(0));
    return page(documents, context, hidden);
  }

  private static ObjectNode page(List<ObjectNode> documents, ObjectNode context, Set<String> hidden) {
    JsonNode pagination = context.path("pagination");
    int rows = pagination.path("rowsPerPage").asInt(0);
    int number = pagination.path("pageNumber").asInt(0);
    if (rows < 1 || number < 1) {
      throw BcFailure.badRequest(BcFailure.INVALID_QUERY_CONTEXT,
          "pagination needs rowsPerPage and pageNumber of 1 or more");
    }
    List<ObjectNode> matching = new ArrayList<>();
    JsonNode criteria = context.path("searchCriteria");
    for (ObjectNode document : documents) {
      if (!criteria.isObject() || BcCriteria.matches(document, criteria)) {
        matching.add(document);
      }
    }
    matching.sort(order(context.path("sortCriteria")));
    long from = (long) (number - 1) * rows;
    ObjectNode answer = JSON.createObjectNode().put("context", encode(context));
    ObjectNode results = answer.putObject("results");
    results.put("count", pagination.path("doCount").asBoolean(false) ? matching.size() : 0)
        .put("page", number).put("moreBefore", number > 1 && !matching.isEmpty())
        .put("moreAfter", from + rows < matching.size());
    ArrayNode items = results.putArray("items");
    matching.subList((int) Math.min(from, matching.size()), (int) Math.min(from + rows, matching.size()))
        .forEach(document -> items.add(document.deepCopy().without(hidden)));
    return answer;
  }

  /** The sort criteria's fields in order, 1 ascending and -1 descending; ties keep the documents' order. */
  private static Comparator<ObjectNode> order(JsonNode sortCriteria) {
    Comparator<ObjectNode> order = (a, b) -> 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = sortCriteria.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> key = it.next();
      Comparator<ObjectNode> byField = (a, b) -> compare(a.path(key.getKey()), b.path(key.getKey()));
      order = order.thenComparing(key.getValue().asInt(1) < 0 ? byField.reversed() : byField);
    }
    return order;
  }

  private static int compare(JsonNode a, JsonNode b) {
    boolean aMissing = a.isMissingNode() || a.isNull();
    boolean bMissing = b.isMissingNode() || b.isNull();
    if (aMissing || bMissing) {
      return Boolean.compare(!aMissing, !bMissing);
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.asText().compareTo(b.asText());
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
