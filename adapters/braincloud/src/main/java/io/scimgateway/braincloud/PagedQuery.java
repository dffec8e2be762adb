package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.ArrayList;
import java.util.List;

/**
 * brainCloud's generic paged query. An offset window picks {@code pageNumber} and {@code rowsPerPage} so that an
 * offset on a page boundary is one call, and any other offset is that page and the next, reached with the context
 * string the first answer carries ({@code ..._OFFSET} with {@code pageOffset} 1). A keyset window is the first page
 * of the records past a key, with the count of the whole query in the same packet. Counting is asked for, so that
 * {@code totalResults} is brainCloud's count.
 *
 * @param service {@code user} or {@code group}
 * @param firstPage {@code SYS_GET_PAGE} or {@code SYS_LIST_GROUPS_PAGE}
 * @param nextPage {@code SYS_GET_PAGE_OFFSET} or {@code SYS_LIST_GROUPS_PAGE_BY_OFFSET}
 */
record PagedQuery(String service, String firstPage, String nextPage) {

  static final PagedQuery USERS = new PagedQuery("user", "SYS_GET_PAGE", "SYS_GET_PAGE_OFFSET");
  static final PagedQuery GROUPS = new PagedQuery("group", "SYS_LIST_GROUPS_PAGE", "SYS_LIST_GROUPS_PAGE_BY_OFFSET");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The items of one window and how many match in all. */
  record Window(List<ObjectNode> items, long total) {
  }

  /** The records from {@code offset}, in {@code sort} order (null: brainCloud's own). */
  Window fetch(S2sClient client, JsonNode criteria, JsonNode sort, long offset, int limit) throws ScimException {
    int rows = Math.max(1, limit);
    int skip = (int) (offset % rows);
    JsonNode answer = client.call(first(criteria, sort, rows, offset / rows + 1, true));
    List<ObjectNode> items = new ArrayList<>(items(answer));
    if (skip > 0 && answer.path("results").path("moreAfter").asBoolean(false)) {
      JsonNode next = client.call(new S2sMessage(service, nextPage, JSON.objectNode()
          .put("context", answer.path("context").asText()).put("pageOffset", 1)));
      items.addAll(items(next));
    }
    List<ObjectNode> window = items.subList(Math.min(skip, items.size()), Math.min(skip + limit, items.size()));
    return new Window(List.copyOf(window), answer.path("results").path("count").asLong());
  }

  /** The first {@code limit} records of {@code windowCriteria}, and the count of {@code criteria}: one packet. */
  Window keyset(S2sClient client, JsonNode criteria, JsonNode windowCriteria, JsonNode sort, int limit)
      throws ScimException {
    List<S2sAnswer> answers = client.send(List.of(first(windowCriteria, sort, Math.max(1, limit), 1, false),
        first(criteria, null, 1, 1, true)));
    for (S2sAnswer answer : answers) {
      if (!answer.ok()) {
        throw client.errors().of(answer);
      }
    }
    List<ObjectNode> items = items(answers.get(0).data());
    return new Window(items.subList(0, Math.min(limit, items.size())),
        answers.get(1).data().path("results").path("count").asLong());
  }

  private S2sMessage first(JsonNode criteria, JsonNode sort, int rows, long page, boolean count) {
    ObjectNode context = JSON.objectNode();
    context.putObject("pagination").put("rowsPerPage", rows).put("pageNumber", page).put("doCount", count);
    context.set("searchCriteria", criteria);
    if (sort != null) {
      context.set("sortCriteria", sort);
    }
    return new S2sMessage(service, firstPage, (ObjectNode) JSON.objectNode().set("context", context));
  }

  private static List<ObjectNode> items(JsonNode answer) {
    List<ObjectNode> items = new ArrayList<>();
    answer.path("results").path("items").forEach(item -> items.add((ObjectNode) item));
    return items;
  }
}
