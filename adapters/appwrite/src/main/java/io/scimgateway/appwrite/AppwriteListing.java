package io.scimgateway.appwrite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.remote.RestCollection;
import io.scimgateway.kit.remote.RecordPage;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.SearchQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Appwrite collection ({@code /users} or {@code /teams}): a document by id, and one page of the
 * list for a store's search: the pushed filter as a query, the order, and the window as
 * {@code limit}/{@code offset} or a cursor.
 *
 * <p>The order is always total: the sort attribute (or {@code $createdAt}) and then {@code $id}. A
 * position is that pair, so a page resumes after a document with Appwrite's {@code cursorAfter}, and,
 * when that document has been deleted meanwhile, with an equivalent comparison on the pair, which
 * needs no document. Thread-safe.
 */
final class AppwriteListing extends RestCollection {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper READER = new ObjectMapper();
  private static final String ID = "$id";
  static final int MAX_QUERY_LENGTH = 4096;
  static final int MAX_QUERY_VALUES = 500;
  private static final String DEFAULT_ORDER = "$createdAt";

  private final AppwriteApi api;
  private final String path;
  private final String listKey;
  private final AppwriteFilter filter;
  private final Map<String, String> sortable;
  private final int pageSize;

  AppwriteListing(AppwriteApi api, String path, String listKey, AppwriteFilter filter,
      Map<String, String> sortable, int pageSize) {
    super(api.client(), path, ID);
    this.pageSize = pageSize;
    this.api = api;
    this.path = path;
    this.listKey = listKey;
    this.filter = filter;
    this.sortable = Map.copyOf(sortable);
  }

  @Override
  public AppwriteFilter filterSupport() {
    return filter;
  }

  @Override
  public boolean canSort(Path attribute) {
    return sortable.containsKey(key(attribute));
  }

  @Override
  public boolean supportsPositions() {
    return true;
  }

  @Override
  public int maxPageSize() {
    return pageSize;
  }

  /** Documents of one page, in the store's order, with the page's total and positions. */
  @Override
  public RecordPage list(SearchQuery query) throws ScimException {
    AppwriteFilter.Translation translation = filter.translate(query.filter());
    if (translation.matchesNothing()) {
      return new RecordPage(List.of(), 0, List.of());
    }
    String orderBy = query.sorting() == null ? DEFAULT_ORDER
        : sortable.get(key(query.sorting().attribute()));
    boolean descending = query.sorting() != null && query.sorting().descending();
    List<ObjectNode> filters = translation.query().map(List::of).orElse(List.of());
    checkLimits(filters);
    PageWindow window = query.window();
    if (window instanceof PageWindow.Offset offset) {
      List<ObjectNode> queries = new ArrayList<>(filters);
      queries.addAll(order(orderBy, descending));
      queries.add(AppwriteQuery.limit(Math.max(1, offset.limit())));
      queries.add(AppwriteQuery.offset(offset.offset()));
      return listed(api.list(path, queries), offset.limit(), orderBy, false, false);
    }
    boolean backward = window instanceof PageWindow.Before;
    String position = backward ? ((PageWindow.Before) window).position()
        : ((PageWindow.After) window).position();
    // Backwards, Appwrite reads in the reversed order from the position; the page is turned round.
    boolean readDescending = descending != backward;
    List<ObjectNode> queries = new ArrayList<>(filters);
    queries.addAll(order(orderBy, readDescending));
    queries.add(AppwriteQuery.limit(Math.max(1, window.limit())));
    if (position == null) {
      return listed(api.list(path, queries), window.limit(), orderBy, true, backward);
    }
    Position at = Position.parse(position);
    List<ObjectNode> byCursor = new ArrayList<>(queries);
    byCursor.add(AppwriteQuery.compare("cursorAfter", null, at.id()).without("attribute"));
    Optional<ObjectNode> page = api.listFromCursor(path, byCursor);
    if (page.isPresent()) {
      return listed(page.get(), window.limit(), orderBy, true, backward);
    }
    // The position's document is gone: compare with its values, and count the filter on its own.
    List<ObjectNode> byValue = new ArrayList<>(queries);
    byValue.add(after(orderBy, readDescending, at));
    RecordPage listed = listed(api.list(path, byValue), window.limit(), orderBy, true, backward);
    List<ObjectNode> counting = new ArrayList<>(filters);
    counting.add(AppwriteQuery.limit(1));
    long total = api.list(path, counting).path("total").asLong();
    return new RecordPage(listed.records(), total, listed.positions());
  }

  /** Appwrite's limits on one query: its JSON length and the values of one comparison. */
  private static void checkLimits(List<ObjectNode> filters) throws BadRequestException {
    for (ObjectNode filter : filters) {
      if (filter.toString().length() > MAX_QUERY_LENGTH
          || filter.findValues("values").stream().anyMatch(v -> v.size() > MAX_QUERY_VALUES)) {
        throw BadRequestException.invalidFilter("This filter becomes an Appwrite query longer than "
            + "Appwrite accepts (" + MAX_QUERY_LENGTH + " characters, " + MAX_QUERY_VALUES
            + " values in one comparison). Split it into several requests.");
      }
    }
  }

  private RecordPage listed(ObjectNode answer, int limit, String orderBy, boolean withPositions,
      boolean reversed) {
    List<ObjectNode> documents = new ArrayList<>();
    for (JsonNode document : answer.path(listKey)) {
      if (documents.size() < limit) {
        documents.add((ObjectNode) document);
      }
    }
    if (reversed) {
      Collections.reverse(documents);
    }
    List<String> positions = new ArrayList<>();
    if (withPositions) {
      documents.forEach(d -> positions.add(new Position(d.path(orderBy), d.path(ID).asText()).text()));
    }
    return new RecordPage(documents, answer.path("total").asLong(), positions);
  }

  private static List<ObjectNode> order(String orderBy, boolean descending) {
    return orderBy.equals(ID) ? List.of(AppwriteQuery.order(ID, descending))
        : List.of(AppwriteQuery.order(orderBy, descending), AppwriteQuery.order(ID, descending));
  }

  /** Documents after {@code at} in the (read) order: a greater value, or the same value and a greater id. */
  private static ObjectNode after(String orderBy, boolean descending, Position at) {
    String beyond = descending ? "lessThan" : "greaterThan";
    ObjectNode byId = AppwriteQuery.compare(beyond, ID, at.id());
    if (orderBy.equals(ID)) {
      return byId;
    }
    return AppwriteQuery.combine("or", List.of(
        AppwriteQuery.compare(beyond, orderBy, at.value()),
        AppwriteQuery.combine("and", List.of(AppwriteQuery.compare("equal", orderBy, at.value()), byId))));
  }

  private static String key(Path attribute) {
    return attribute.withoutFilters().toString().toLowerCase(Locale.ROOT);
  }

  /** A document's place in the order: its value of the order attribute and its id. */
  private record Position(JsonNode value, String id) {

    String text() {
      ArrayNode pair = JSON.arrayNode();
      pair.add(value.isMissingNode() ? JSON.nullNode() : value);
      pair.add(id);
      return pair.toString();
    }

    static Position parse(String text) {
      try {
        JsonNode pair = READER.readTree(text);
        return new Position(pair.get(0), pair.get(1).asText());
      } catch (JsonProcessingException | NullPointerException e) {
        throw new IllegalStateException("not a position of this store: " + text, e);
      }
    }
  }
}
