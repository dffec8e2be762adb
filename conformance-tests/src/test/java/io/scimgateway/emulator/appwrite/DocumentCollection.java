package io.scimgateway.emulator.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Stored documents of one kind (users, teams, memberships) and Appwrite-style listing: filters, order, cursor and
 * offset paging, default limit 25, {@code total} counted up to the count limit. Documents carry an internal
 * {@code $sequence} that is removed when rendered.
 */
final class DocumentCollection {

  static final int DEFAULT_LIMIT = 25;
  private static final String SEQUENCE = "$sequence";

  private final Map<String, ObjectNode> documents = new LinkedHashMap<>();
  private final Set<String> allowedAttributes;
  private final QueryMatcher matcher;
  private final Function<ObjectNode, String> searchText;
  private final int countLimit;
  private long nextSequence = 1;

  DocumentCollection(Set<String> allowedAttributes, Set<String> arrayAttributes,
      Function<ObjectNode, String> searchText, int countLimit) {
    this.allowedAttributes = allowedAttributes;
    this.matcher = new QueryMatcher(arrayAttributes);
    this.searchText = searchText;
    this.countLimit = countLimit;
  }

  ObjectNode get(String id) {
    return documents.get(id);
  }

  Collection<ObjectNode> all() {
    return documents.values();
  }

  void insert(ObjectNode document) {
    document.put(SEQUENCE, nextSequence++);
    documents.put(document.get("$id").asText(), document);
  }

  ObjectNode remove(String id) {
    return documents.remove(id);
  }

  static ObjectNode render(ObjectNode document) {
    ObjectNode copy = document.deepCopy();
    copy.remove(SEQUENCE);
    return copy;
  }

  /** The list response {total, listKey: [...]} for the request's queries[], search and total parameters. */
  ObjectNode list(ApiRequest request, String listKey, ObjectMapper json) {
    return list(request, listKey, json, document -> true);
  }

  ObjectNode list(ApiRequest request, String listKey, ObjectMapper json, java.util.function.Predicate<ObjectNode> scope) {
    List<ListQuery> queries = ListQuery.parseAll(request.queryValues("queries"), allowedAttributes, json);
    queries.forEach(matcher::checkApplicable);
    String search = request.queryValue("search");
    if (search != null && search.length() > 256) {
      throw AppwriteError.invalidArgument("Invalid `search` param: Value must be a valid string and at most 256 chars");
    }
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode document : documents.values()) {
      if (scope.test(document)
          && (search == null || search.isBlank() || QueryMatcher.fullTextMatch(searchText.apply(document), search))
          && queries.stream().filter(ListQuery::isFilter).allMatch(query -> matcher.matches(document, query))) {
        matching.add(document);
      }
    }
    Comparator<ObjectNode> order = order(queries);
    matching.sort(order);
    List<ObjectNode> page = page(matching, queries, order);

    ObjectNode result = json.createObjectNode();
    boolean countTotal = !"false".equalsIgnoreCase(request.queryValue("total"));
    result.put("total", countTotal ? Math.min(matching.size(), countLimit) : 0);
    ArrayNode items = result.putArray(listKey);
    page.forEach(document -> items.add(render(document)));
    return result;
  }

  private static Comparator<ObjectNode> order(List<ListQuery> queries) {
    Comparator<ObjectNode> order = (a, b) -> 0;
    for (ListQuery query : queries) {
      if (query.method().equals("orderAsc") || query.method().equals("orderDesc")) {
        String attribute = query.attribute().isEmpty() ? SEQUENCE : query.attribute();
        Comparator<ObjectNode> byAttribute = (a, b) -> QueryMatcher.compare(a.get(attribute), b.get(attribute));
        order = order.thenComparing(query.method().equals("orderAsc") ? byAttribute : byAttribute.reversed());
      }
    }
    return order.thenComparing(document -> document.get(SEQUENCE).asLong());
  }

  private List<ObjectNode> page(List<ObjectNode> sorted, List<ListQuery> queries, Comparator<ObjectNode> order) {
    int limit = DEFAULT_LIMIT;
    int offset = 0;
    String cursorAfter = null;
    String cursorBefore = null;
    for (ListQuery query : queries) {
      switch (query.method()) {
        case "limit" -> limit = query.values().get(0).asInt();
        case "offset" -> offset = query.values().get(0).asInt();
        case "cursorAfter" -> cursorAfter = query.values().get(0).asText();
        case "cursorBefore" -> cursorBefore = query.values().get(0).asText();
        default -> { }
      }
    }
    if (cursorAfter != null && cursorBefore != null) {
      throw AppwriteError.invalidQuery("Only one cursor is allowed.");
    }
    List<ObjectNode> candidates = sorted;
    if (cursorAfter != null || cursorBefore != null) {
      ObjectNode cursor = cursorDocument(cursorAfter != null ? cursorAfter : cursorBefore, queries);
      boolean after = cursorAfter != null;
      candidates = sorted.stream().filter(d -> after ? order.compare(d, cursor) > 0 : order.compare(d, cursor) < 0)
          .toList();
      if (!after) {
        int end = Math.max(0, candidates.size() - offset);
        return candidates.subList(Math.max(0, end - limit), end);
      }
    }
    int from = Math.min(offset, candidates.size());
    return candidates.subList(from, Math.min(candidates.size(), from + limit));
  }

  private ObjectNode cursorDocument(String id, List<ListQuery> queries) {
    ObjectNode cursor = documents.get(id);
    if (cursor == null) {
      throw AppwriteError.cursorNotFound(id);
    }
    for (ListQuery query : queries) {
      if (query.method().startsWith("order") && !query.attribute().isEmpty()) {
        JsonNode value = cursor.get(query.attribute());
        if (value == null || value.isNull()) {
          throw new AppwriteError(400, "database_query_order_null",
              "The order attribute '" + query.attribute() + "' had a null value. Cursor pagination requires all"
                  + " documents order attribute values are non-null.");
        }
      }
    }
    return cursor;
  }
}
