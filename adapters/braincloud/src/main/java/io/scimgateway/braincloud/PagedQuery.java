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
 * of the records past a key, with the count of the whole query in the same packet.
 *
 * <p>Counted ({@code doCount: true}), the total is brainCloud's count. Uncounted, as brainCloud advises for apps
 * with more than 10,000 users, its count cannot be trusted and the total is what the answer shows: the records up
 * to the end of the page read (all earlier pages are full when it has any), plus one when {@code moreAfter} says
 * there are more; a keyset window knows only the records it read, plus one. An offset past the last page is
 * counted after all, once, since nothing read tells where the records end.
 *
 * @param service {@code user} or {@code group}
 * @param firstPage {@code SYS_GET_PAGE} or {@code SYS_LIST_GROUPS_PAGE}
 * @param nextPage {@code SYS_GET_PAGE_OFFSET} or {@code SYS_LIST_GROUPS_PAGE_BY_OFFSET}
 * @param counted whether brainCloud counts the matches ({@code doCount})
 */
record PagedQuery(String service, String firstPage, String nextPage, boolean counted) {

  static final PagedQuery USERS = new PagedQuery("user", "SYS_GET_PAGE", "SYS_GET_PAGE_OFFSET", true);
  static final PagedQuery GROUPS = new PagedQuery("group", "SYS_LIST_GROUPS_PAGE", "SYS_LIST_GROUPS_PAGE_BY_OFFSET",
      true);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The items of one window and how many match in all (or, uncounted, at least). */
  record Window(List<ObjectNode> items, long total) {
  }

  /** The same query with counting on or off. */
  PagedQuery counting(boolean count) {
    return new PagedQuery(service, firstPage, nextPage, count);
  }

  /** The records from {@code offset}, in {@code sort} order (null: brainCloud's own). */
  Window fetch(S2sClient client, JsonNode criteria, JsonNode sort, long offset, int limit) throws ScimException {
    int rows = Math.max(1, limit);
    int skip = (int) (offset % rows);
    long pageNumber = offset / rows + 1;
    JsonNode answer = client.call(first(criteria, sort, rows, pageNumber, counted));
    JsonNode last = answer;
    List<ObjectNode> items = new ArrayList<>(items(answer));
    if (skip > 0 && moreAfter(answer)) {
      last = client.call(new S2sMessage(service, nextPage, JSON.objectNode()
          .put("context", answer.path("context").asText()).put("pageOffset", 1)));
      items.addAll(items(last));
    }
    List<ObjectNode> window = items.subList(Math.min(skip, items.size()), Math.min(skip + limit, items.size()));
    if (counted) {
      return new Window(List.copyOf(window), count(answer));
    }
    if (items.isEmpty() && pageNumber > 1) {
      // Past the last page nothing seen tells the total (a search across types pages on by it): count once.
      return new Window(List.of(), count(client.call(first(criteria, null, 1, 1, true))));
    }
    return new Window(List.copyOf(window), seen((pageNumber - 1) * rows + items.size(), last));
  }

  /** The first {@code limit} records of {@code windowCriteria}, and the count of {@code criteria}: one packet. */
  Window keyset(S2sClient client, JsonNode criteria, JsonNode windowCriteria, JsonNode sort, int limit)
      throws ScimException {
    List<S2sMessage> messages = new ArrayList<>(List.of(first(windowCriteria, sort, Math.max(1, limit), 1, false)));
    if (counted) {
      messages.add(first(criteria, null, 1, 1, true));
    }
    List<S2sAnswer> answers = client.send(messages);
    for (S2sAnswer answer : answers) {
      if (!answer.ok()) {
        throw client.errors().of(answer);
      }
    }
    JsonNode page = answers.get(0).data();
    List<ObjectNode> items = items(page);
    long total = counted ? count(answers.get(1).data()) : seen(items.size(), page);
    return new Window(items.subList(0, Math.min(limit, items.size())), total);
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

  private static long count(JsonNode answer) {
    return answer.path("results").path("count").asLong();
  }

  /** Uncounted: the records known to match, and one more when brainCloud says there are more. */
  private static long seen(long records, JsonNode answer) {
    return records + (moreAfter(answer) ? 1 : 0);
  }

  private static boolean moreAfter(JsonNode answer) {
    return answer.path("results").path("moreAfter").asBoolean(false);
  }

  private static List<ObjectNode> items(JsonNode answer) {
    List<ObjectNode> items = new ArrayList<>();
    answer.path("results").path("items").forEach(item -> items.add((ObjectNode) item));
    return items;
  }
}
