package io.scimgateway.gateway.core.query;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's one paging loop: reads a window of any size from a store in searches no larger than
 * the store's {@link ResourceStore#maxPageSize()}, so that a remote adapter fetches one platform page
 * per call and never loops itself. A page shorter than asked for ends the window.
 */
final class StorePages {

  private StorePages() {
  }

  static SearchPage read(ResourceStore store, SearchQuery query) throws ScimException {
    int pageSize = Math.max(1, store.maxPageSize());
    PageWindow window = query.window();
    if (window.limit() <= pageSize) {
      return store.search(query);
    }
    if (window instanceof PageWindow.Offset offset) {
      return byOffset(store, query, offset, pageSize);
    }
    if (window instanceof PageWindow.After after) {
      return byPosition(store, query, after.position(), after.limit(), false, pageSize);
    }
    PageWindow.Before before = (PageWindow.Before) window;
    return byPosition(store, query, before.position(), before.limit(), true, pageSize);
  }

  private static SearchPage byOffset(ResourceStore store, SearchQuery query, PageWindow.Offset window,
      int pageSize) throws ScimException {
    List<StoredResource> resources = new ArrayList<>();
    long total = 0;
    while (resources.size() < window.limit()) {
      int size = Math.min(pageSize, window.limit() - resources.size());
      SearchPage page = store.search(query.withWindow(
          new PageWindow.Offset(window.offset() + resources.size(), size)));
      total = page.totalResults();
      resources.addAll(page.resources());
      if (page.resources().size() < size) {
        break;
      }
    }
    return new SearchPage(resources, total);
  }

  /**
   * Reads by position; backwards, each earlier page goes in front, so the result keeps store order.
   */
  private static SearchPage byPosition(ResourceStore store, SearchQuery query, String from, int limit,
      boolean backward, int pageSize) throws ScimException {
    Collected collected = new Collected();
    String position = from;
    while (collected.size() < limit) {
      int size = Math.min(pageSize, limit - collected.size());
      PageWindow window = backward ? new PageWindow.Before(position, size)
          : new PageWindow.After(position, size);
      SearchPage page = store.search(query.withWindow(window));
      collected.add(page, backward);
      if (page.resources().size() < size) {
        break;
      }
      position = page.positions().get(backward ? 0 : page.positions().size() - 1);
    }
    return collected.page();
  }

  /** Resources and their positions gathered over several store pages. */
  private static final class Collected {
    private final List<StoredResource> resources = new ArrayList<>();
    private final List<String> positions = new ArrayList<>();
    private long total;

    int size() {
      return resources.size();
    }

    void add(SearchPage page, boolean inFront) {
      resources.addAll(inFront ? 0 : resources.size(), page.resources());
      positions.addAll(inFront ? 0 : positions.size(), page.positions());
      total = page.totalResults();
    }

    SearchPage page() {
      return new SearchPage(resources, total, positions);
    }
  }
}
