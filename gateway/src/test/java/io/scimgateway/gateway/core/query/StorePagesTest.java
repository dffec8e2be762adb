package io.scimgateway.gateway.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorePagesTest {

  private static final int RESOURCES = 250;

  /** A store of numbered resources that never returns more than its page size, as a platform does. */
  private static final class NumberedStore implements ResourceStore {
    private final int pageSize;
    private final List<String> searches = new ArrayList<>();

    NumberedStore(int pageSize) {
      this.pageSize = pageSize;
    }

    @Override
    public boolean supportsPositions() {
      return true;
    }

    @Override
    public int maxPageSize() {
      return pageSize;
    }

    @Override
    public SearchPage search(SearchQuery query) {
      PageWindow window = query.window();
      if (window.limit() > pageSize) {
        throw new AssertionError("asked for " + window.limit() + " in one search");
      }
      searches.add(window.toString());
      int from;
      int to;
      if (window instanceof PageWindow.Offset offset) {
        from = (int) Math.min(offset.offset(), RESOURCES);
        to = Math.min(from + offset.limit(), RESOURCES);
      } else if (window instanceof PageWindow.After after) {
        from = after.position() == null ? 0 : Integer.parseInt(after.position()) + 1;
        to = Math.min(from + after.limit(), RESOURCES);
      } else {
        to = Integer.parseInt(((PageWindow.Before) window).position());
        from = Math.max(0, to - window.limit());
      }
      List<StoredResource> resources = new ArrayList<>();
      List<String> positions = new ArrayList<>();
      for (int i = from; i < to; i++) {
        resources.add(new StoredResource(Integer.toString(i), JsonNodeFactory.instance.objectNode(),
            Instant.EPOCH, Instant.EPOCH, "1"));
        positions.add(Integer.toString(i));
      }
      return new SearchPage(resources, RESOURCES,
          window instanceof PageWindow.Offset ? List.of() : positions);
    }

    @Override
    public Optional<StoredResource> get(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public StoredResource create(ObjectNode attributes) {
      throw new UnsupportedOperationException();
    }

    @Override
    public StoredResource replace(ResourceChange change) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String id, String expectedVersion) {
      throw new UnsupportedOperationException();
    }
  }

  private static List<String> ids(SearchPage page) {
    return page.resources().stream().map(StoredResource::id).toList();
  }

  private static List<String> range(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < to; i++) {
      ids.add(Integer.toString(i));
    }
    return ids;
  }

  private static SearchPage read(NumberedStore store, PageWindow window) throws Exception {
    return new StorePages(store, GatewayLimits.defaults()).read(new SearchQuery((Filter) null, null, window));
  }

  @Test
  void anOffsetWindowIsReadInStorePages() throws Exception {
    NumberedStore store = new NumberedStore(7);
    SearchPage page = read(store, new PageWindow.Offset(3, 20));
    assertEquals(range(3, 23), ids(page));
    assertEquals(RESOURCES, page.totalResults());
    assertEquals(3, store.searches.size());
  }

  @Test
  void anOffsetWindowStopsAtTheFirstShortPage() throws Exception {
    NumberedStore store = new NumberedStore(7);
    assertEquals(range(240, 250), ids(read(store, new PageWindow.Offset(240, 100))));
    assertEquals(2, store.searches.size());
  }

  @Test
  void aForwardWindowResumesAfterEachPagesLastPosition() throws Exception {
    SearchPage page = read(new NumberedStore(7), new PageWindow.After("9", 30));
    assertEquals(range(10, 40), ids(page));
    assertEquals(range(10, 40), page.positions());
  }

  @Test
  void aBackwardWindowKeepsStoreOrder() throws Exception {
    SearchPage page = read(new NumberedStore(7), new PageWindow.Before("100", 30));
    assertEquals(range(70, 100), ids(page));
    assertEquals(range(70, 100), page.positions());
    assertEquals(range(0, 5), ids(read(new NumberedStore(7), new PageWindow.Before("5", 30))));
  }

  @Test
  void aWindowWithinOnePageIsOneSearch() throws Exception {
    NumberedStore store = new NumberedStore(50);
    assertEquals(range(0, 50), ids(read(store, new PageWindow.After(null, 50))));
    assertEquals(1, store.searches.size());
  }

  @Test
  void aWindowOfNoneStillAsksForTheTotal() throws Exception {
    NumberedStore store = new NumberedStore(7);
    SearchPage page = read(store, new PageWindow.Offset(0, 0));
    assertEquals(List.of(), ids(page));
    assertEquals(RESOURCES, page.totalResults());
    assertEquals(1, store.searches.size());
  }

  @Test
  void aScanReadsStorePagesUntilTheVisitorStops() throws Exception {
    NumberedStore store = new NumberedStore(7);
    List<String> seen = new ArrayList<>();
    new StorePages(store, GatewayLimits.defaults()).scan(null, null, NeededAttributes.ALL, null, false,
        (resource, position) -> {
          seen.add(position);
          return seen.size() < 20;
        });
    assertEquals(range(0, 20), seen);
    assertEquals(List.of("After[position=null, limit=7]", "After[position=6, limit=7]",
        "After[position=13, limit=7]"), store.searches);
  }

  @Test
  void aBackwardScanVisitsTheNearestFirst() throws Exception {
    List<String> seen = new ArrayList<>();
    new StorePages(new NumberedStore(7), GatewayLimits.defaults()).scan(null, null,
        NeededAttributes.ALL, "10", true, (resource, position) -> seen.add(position));
    assertEquals(List.of("9", "8", "7", "6", "5", "4", "3", "2", "1", "0"), seen);
  }

  @Test
  void aScanPastTheScanLimitIsRefusedAsTooMany() throws Exception {
    GatewayLimits defaults = GatewayLimits.defaults();
    GatewayLimits limits = new GatewayLimits(defaults.maxResults(), 100, defaults.maxPayloadBytes(),
        defaults.maxFilterLength(), defaults.cursorTimeoutSeconds(), defaults.bulkMaxOperations(),
        defaults.bulkMaxPayloadBytes(), defaults.values());
    StorePages pages = new StorePages(new NumberedStore(7), limits);
    int[] seen = {0};
    BadRequestException refused = assertThrows(BadRequestException.class, () -> pages.scan(null, null,
        NeededAttributes.ALL, null, false, (resource, position) -> ++seen[0] > 0));
    assertEquals("tooMany", refused.getScimError().getScimType());
    assertEquals(100, seen[0]);
    int[] few = {0};
    pages.scan(null, null, NeededAttributes.ALL, "149", false, (resource, position) -> ++few[0] > 0);
    assertEquals(100, few[0]); // exactly at the limit is allowed
  }
}
