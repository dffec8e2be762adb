package io.scimgateway.gateway.core.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.gateway.core.ResourceRepresentation;
import io.scimgateway.gateway.core.query.CursorCodec.CursorState;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a list query against a store. When the store evaluates the whole filter, SCIM paging maps 1:1
 * onto the store's offsets or positions. Otherwise the gateway reads the store's candidates in order,
 * evaluates the residual filter with the SDK's schema-aware evaluator, and counts and pages itself.
 *
 * <p>Index paging (RFC 7644 section 3.4.2.4) answers {@code startIndex}; cursor paging (RFC 9865)
 * resumes after the last resource of the page before, by store position where the store has them, so
 * that creating or deleting resources between pages neither skips nor repeats one. Thread-safe.
 */
public final class ResourceSearch {

  private final ResourceTypeDefinition resourceType;
  private final ResourceStore store;
  private final QueryPlanner planner;
  private final ResidualFilterEvaluator evaluator;
  private final ResourceRepresentation representation;
  private final StorePages pages;
  private final GatewayLimits limits;
  private final CursorCodec cursors;

  public ResourceSearch(ResourceTypeDefinition resourceType, ResourceStore store, GatewayLimits limits,
      CursorCodec cursors) {
    this.resourceType = resourceType;
    this.store = store;
    this.planner = new QueryPlanner(store.filterSupport());
    this.evaluator = new ResidualFilterEvaluator(resourceType);
    this.representation = new ResourceRepresentation(resourceType);
    this.pages = new StorePages(store, limits);
    this.limits = limits;
    this.cursors = cursors;
  }

  public ListResult search(ListQuery query) throws ScimException {
    int count = query.count() == null ? limits.maxResults() : Math.min(query.count(), limits.maxResults());
    QueryPlan plan = planner.plan(query.filter());
    boolean sortedHere = query.sorting() != null && !store.canSort(query.sorting().attribute());
    // When the store cannot order by the attribute, the gateway reads every match (up to the scan
    // limit) and sorts them itself.
    List<Keyed> sorted = sortedHere ? sortedHere(query, plan) : List.of();
    if (!query.cursorPaging()) {
      return sortedHere ? ListResult.indexed(resources(window(sorted, query.startIndex() - 1, count)),
          sorted.size(), query.startIndex())
          : byIndex(query, plan, query.startIndex() - 1, count);
    }
    String bound = queryKey(query);
    CursorState state = query.cursor().isEmpty()
        ? new CursorState(bound, null, 0, false)
        : cursors.decode(query.cursor(), bound);
    if (sortedHere) {
      return paged(state, resumed(sorted, state, count, new GatewaySortOrder(query.sorting(),
          resourceType)), count, sorted.size());
    }
    if (!store.supportsPositions()) {
      return byOffsetCursor(query, plan, state, count);
    }
    return plan.exact() ? byPosition(query, plan, state, count) : scanByPosition(query, plan, state, count);
  }

  private ListResult byIndex(ListQuery query, QueryPlan plan, long skip, int count)
      throws ScimException {
    if (plan.exact()) {
      SearchPage page = pages.read(new SearchQuery(plan.pushed(), query.sorting(),
          new PageWindow.Offset(skip, count), needed(query)));
      return ListResult.indexed(page.resources(), page.totalResults(), skip + 1);
    }
    List<StoredResource> window = new ArrayList<>();
    long[] matched = {0};
    pages.scan(plan.pushed(), query.sorting(), needed(query), null, false, (resource, position) -> {
      if (matches(plan.residual(), resource)) {
        if (matched[0] >= skip && window.size() < count) {
          window.add(resource);
        }
        matched[0]++;
      }
      return true;
    });
    return ListResult.indexed(window, matched[0], skip + 1);
  }

  /**
   * Every match of the query in the order it asks for, sorted by the gateway; each with its sort key
   * as position, so that a cursor resumes after the key it saw, whatever was created or deleted since.
   */
  private List<Keyed> sortedHere(ListQuery query, QueryPlan plan) throws ScimException {
    GatewaySortOrder order = new GatewaySortOrder(query.sorting(), resourceType);
    List<StoredResource> matches = new ArrayList<>();
    List<GatewaySortOrder.Key> keys = new ArrayList<>();
    try {
      pages.scan(plan.pushed(), null, needed(query), null, false, (resource, position) -> {
        ObjectNode node = representation.forFiltering(resource);
        if (plan.residual() == null || plan.residual().visit(evaluator, node)) {
          matches.add(resource);
          keys.add(order.keyOf(node));
        }
        return true;
      });
    } catch (BadRequestException refused) {
      if (!"tooMany".equals(refused.getScimError().getScimType())) {
        throw refused;
      }
      throw BadRequestException.tooMany("This backend cannot order " + resourceType.getName()
          + " resources by " + query.sorting().attribute() + ", so the gateway sorts them itself, and "
          + "more than limits.scanLimit (" + limits.scanLimit() + ") would have to be read. Narrow the "
          + "filter, or page without sortBy.");
    }
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < matches.size(); i++) {
      indexes.add(i);
    }
    indexes.sort((a, b) -> order.compare(keys.get(a), keys.get(b)));
    List<Keyed> sorted = new ArrayList<>();
    indexes.forEach(i -> sorted.add(new Keyed(new Hit(matches.get(i), keys.get(i).text()), keys.get(i))));
    return sorted;
  }

  /**
   * The hits a cursor page reads from a gateway-sorted result: after (or before) the cursor's key,
   * one more than {@code count} to tell whether there is more, as {@link #paged} expects.
   */
  private static List<Hit> resumed(List<Keyed> sorted, CursorState state, int count,
      GatewaySortOrder order) {
    if (count == 0) {
      return List.of();
    }
    if (state.position() == null) {
      return hits(window(sorted, 0, count + 1));
    }
    GatewaySortOrder.Key at = GatewaySortOrder.Key.parse(state.position());
    int before = 0; // how many sort before the cursor's key; the key's own resource may be gone
    while (before < sorted.size() && order.compare(sorted.get(before).key(), at) < 0) {
      before++;
    }
    if (state.backward()) {
      return hits(sorted.subList(Math.max(0, before - count - 1), before));
    }
    int after = before;
    while (after < sorted.size() && order.compare(sorted.get(after).key(), at) <= 0) {
      after++;
    }
    return hits(window(sorted, after, count + 1));
  }

  private static <T> List<T> window(List<T> items, long skip, int size) {
    int from = (int) Math.min(skip, items.size());
    return items.subList(from, (int) Math.min((long) from + size, items.size()));
  }

  private static List<Hit> hits(List<Keyed> keyed) {
    return keyed.stream().map(Keyed::hit).toList();
  }

  private static List<StoredResource> resources(List<Keyed> keyed) {
    return keyed.stream().map(k -> k.hit().resource()).toList();
  }

  /** Cursors over a store without positions carry offsets: correct while nothing changes. */
  private ListResult byOffsetCursor(ListQuery query, QueryPlan plan, CursorState state, int count)
      throws ScimException {
    ListResult page = byIndex(query, plan, state.offset(), count);
    long next = state.offset() + page.resources().size();
    String nextCursor = count > 0 && next < page.totalResults()
        ? cursors.encode(new CursorState(state.query(), null, next, false)) : null;
    String previousCursor = state.offset() > 0 && count > 0
        ? cursors.encode(new CursorState(state.query(), null, Math.max(0, state.offset() - count), false))
        : null;
    return new ListResult(page.resources(), page.totalResults(), null, nextCursor, previousCursor);
  }

  private ListResult byPosition(ListQuery query, QueryPlan plan, CursorState state, int count)
      throws ScimException {
    PageWindow window = state.backward()
        ? new PageWindow.Before(state.position(), count == 0 ? 0 : count + 1)
        : new PageWindow.After(state.position(), count == 0 ? 0 : count + 1);
    SearchPage page = pages.read(
        new SearchQuery(plan.pushed(), query.sorting(), window, needed(query)));
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < page.resources().size(); i++) {
      hits.add(new Hit(page.resources().get(i), page.positions().get(i)));
    }
    return paged(state, hits, count, page.totalResults());
  }

  /**
   * A cursor page with a residual filter, from one scan: from the cursor's position to the end in the
   * direction read, the first matches are the page and the rest are counted. The matches on the other
   * side of the position were counted by the scan of an earlier page and travel in the cursor
   * ({@link CursorState#offset()}), so the total needs no second scan.
   */
  private ListResult scanByPosition(ListQuery query, QueryPlan plan, CursorState state, int count)
      throws ScimException {
    List<Hit> hits = new ArrayList<>();
    long[] matched = {0};
    pages.scan(plan.pushed(), query.sorting(), needed(query), state.position(), state.backward(),
        (resource, position) -> {
          if (matches(plan.residual(), resource)) {
            if (count > 0 && hits.size() <= count) {
              hits.add(new Hit(resource, position));
            }
            matched[0]++;
          }
          return true;
        });
    if (state.backward()) {
      Collections.reverse(hits);
    }
    long total = state.offset() + matched[0];
    int shown = (int) Math.min(count, matched[0]);
    // Matches before this page's first: all read here but the page, going back; as carried, going on.
    long before = state.backward() ? matched[0] - shown : state.offset();
    return paged(state, hits, count, total, before);
  }

  /**
   * Trims a page read with one resource to spare (which tells whether there is more in the direction
   * read) and makes its cursors.
   */
  private ListResult paged(CursorState state, List<Hit> hits, int count, long total) {
    return paged(state, hits, count, total, 0);
  }

  /**
   * {@link #paged}, with the cursors carrying the matches on their far side: through the page's last
   * for the next page, from the page's first for the page before ({@code before}: the matches before
   * the first).
   */
  private ListResult paged(CursorState state, List<Hit> hits, int count, long total, long before) {
    boolean more = hits.size() > count;
    List<Hit> page = !more ? hits
        : state.backward() ? hits.subList(hits.size() - count, hits.size()) : hits.subList(0, count);
    String next = null;
    String previous = null;
    if (!page.isEmpty()) {
      String first = page.get(0).position();
      String last = page.get(page.size() - 1).position();
      boolean hasNext = state.backward() || more;
      boolean hasPrevious = state.backward() ? more : state.position() != null;
      next = hasNext ? cursors.encode(new CursorState(state.query(), last, before + page.size(), false))
          : null;
      previous = hasPrevious ? cursors.encode(new CursorState(state.query(), first,
          Math.max(0, total - before), true)) : null;
    }
    List<StoredResource> resources = new ArrayList<>();
    page.forEach(hit -> resources.add(hit.resource()));
    return new ListResult(resources, total, null, next, previous);
  }

  /** What of each resource the page returns, filters on or sorts by. */
  private static NeededAttributes needed(ListQuery query) {
    return query.returned().and(FilterAttributes.read(query.filter(), query.sorting()));
  }

  private boolean matches(Filter residual, StoredResource resource) throws ScimException {
    ObjectNode node = representation.forFiltering(resource);
    return residual.visit(evaluator, node);
  }

  /** What a cursor is bound to: a cursor from another filter, sort or endpoint is refused. */
  private String queryKey(ListQuery query) {
    return resourceType.getName() + "|" + query.filter() + "|" + (query.sorting() == null ? ""
        : query.sorting().attribute() + (query.sorting().descending() ? " desc" : " asc"));
  }

  private record Hit(StoredResource resource, String position) {
  }

  /** A hit of a gateway-made sort, with its sort key. */
  private record Keyed(Hit hit, GatewaySortOrder.Key key) {
  }
}
