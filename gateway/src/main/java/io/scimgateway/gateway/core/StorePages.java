package io.scimgateway.gateway.core;

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
      return forward(store, query, after, pageSize);
    }
    return backward(store, query, (PageWindow.Before) window, pageSize);
  }

  private static SearchPage byOffset(ResourceStore store, SearchQuery query, PageWindow.Offset window,
      int pageSize) throws ScimException {
    List<StoredResource> resources = new ArrayList<>();
    long total = 0;
    while (resources.size() < window.limit()) {
      int size = Math.min(pageSize, window.limit() - resources.size());
      SearchPage page = store.search(new SearchQuery(query.filter(), query.sorting(),
          new PageWindow.Offset(window.offset() + resources.size(), size)));
      total = page.totalResults();
      resources.addAll(page.resources());
      if (page.resources().size() < size) {
        break;
      }
    }
    return new SearchPage(resources, total);
  }

  private static SearchPage forward(ResourceStore store, SearchQuery query, PageWindow.After window,
      int pageSize) throws ScimException {
    Collected collected = new Collected();
    String position = window.position();
    while (collected.size() < window.limit()) {
      int size = Math.min(pageSize, window.limit() - collected.size());
      SearchPage page = store.search(new SearchQuery(query.filter(), query.sorting(),
          new PageWindow.After(position, size)));
      collected.append(page);
      if (page.resources().size() < size) {
        break;
      }
      position = page.positions().get(page.positions().size() - 1);
    }
    return collected.page();
  }

  /** Reads backwards from the position, each earlier page going in front, so the result keeps store order. */
  private static SearchPage backward(ResourceStore store, SearchQuery query, PageWindow.Before window,
      int pageSize) throws ScimException {
    Collected collected = new Collected();
    String position = window.position();
    while (collected.size() < window.limit()) {
      int size = Math.min(pageSize, window.limit() - collected.size());
      SearchPage page = store.search(new SearchQuery(query.filter(), query.sorting(),
          new PageWindow.Before(position, size)));
      collected.prepend(page);
      if (page.resources().size() < size) {
        break;
      }
      position = page.positions().get(0);
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

    void append(SearchPage page) {
      resources.addAll(page.resources());
      positions.addAll(page.positions());
      total = page.totalResults();
    }

    void prepend(SearchPage page) {
      resources.addAll(0, page.resources());
      positions.addAll(0, page.positions());
      total = page.totalResults();
    }

    SearchPage page() {
      return new SearchPage(resources, total, positions);
    }
  }
}
