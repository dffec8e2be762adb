package io.scimgateway.gateway.core.query;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.Sorting;
import io.scimgateway.spi.StoredResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The gateway's one paging loop over a store: {@link #walk} reads a window in searches no larger than
 * the store allows ({@link ResourceStore#maxPageSize()}), so that a remote adapter fetches one platform
 * page per call and never loops itself, and hands each resource to a visitor in the direction read.
 * Its two uses: {@link #read} a window whose filter the store evaluates whole, and {@link #scan} the
 * candidates of a filter it cannot, where the visitor filters and counts in the same pass, up to the
 * scan limit. Thread-safe.
 */
final class StorePages {

  /** Candidates read per search in a scan: enough to amortize a call, few to waste when it stops early. */
  static final int SCAN_PAGE = 500;

  private final ResourceStore store;
  private final GatewayLimits limits;

  StorePages(ResourceStore store, GatewayLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  /** Sees one resource, with its store position (null from a store without positions); answers whether to go on. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(StoredResource resource, String position) throws ScimException;
  }

  /** The store's resources in {@code query}'s window, in store order, with the store's total. */
  SearchPage read(SearchQuery query) throws ScimException {
    List<StoredResource> resources = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    boolean backward = query.window() instanceof PageWindow.Before;
    long total = walk(query, Math.max(1, store.maxPageSize()), (resource, position) -> {
      resources.add(resource);
      if (position != null) {
        positions.add(position);
      }
      return true;
    });
    if (backward) { // visited last first
      Collections.reverse(resources);
      Collections.reverse(positions);
    }
    return new SearchPage(resources, total, positions);
  }

  /**
   * The candidates for {@code pushed} from the first (or after {@code position}, or backwards before
   * it), until the visitor stops or the store has no more. Past the scan limit it fails with
   * {@code 400 tooMany} rather than read a million resources for one request.
   */
  void scan(Filter pushed, Sorting sorting, NeededAttributes needed, String position, boolean backward,
      Visitor visitor) throws ScimException {
    // One more than the limit allows is read, to tell "exactly at the limit" from "past it".
    int most = (int) Math.min(Integer.MAX_VALUE, (long) limits.scanLimit() + 1);
    PageWindow window = !store.supportsPositions() ? new PageWindow.Offset(0, most)
        : backward ? new PageWindow.Before(position, most) : new PageWindow.After(position, most);
    long[] read = {0};
    walk(new SearchQuery(pushed, sorting, window, needed),
        Math.max(1, Math.min(SCAN_PAGE, store.maxPageSize())), (resource, at) -> {
          if (++read[0] > limits.scanLimit()) {
            throw tooMany();
          }
          return visitor.visit(resource, at);
        });
  }

  /**
   * The loop: searches of at most {@code pageSize} from the window's start, each resuming where the
   * last ended (the next offset, or the last position in the direction read), until the window's
   * limit is read, the visitor stops, or a page comes back short. A window of 0 still asks once, for
   * the total. Returns the total of the last search.
   */
  private long walk(SearchQuery query, int pageSize, Visitor visitor) throws ScimException {
    PageWindow window = query.window();
    boolean backward = window instanceof PageWindow.Before;
    int limit = window.limit();
    int read = 0;
    long total;
    do {
      int size = Math.min(pageSize, limit - read);
      SearchPage page = store.search(query.withWindow(resized(window, size)));
      total = page.totalResults();
      List<StoredResource> resources = page.resources();
      boolean positioned = !page.positions().isEmpty();
      for (int i = 0; i < resources.size(); i++) {
        int index = backward ? resources.size() - 1 - i : i;
        if (!visitor.visit(resources.get(index), positioned ? page.positions().get(index) : null)) {
          return total;
        }
      }
      read += resources.size();
      if (resources.size() < size) {
        break;
      }
      window = next(window, page);
    } while (read < limit);
    return total;
  }

  private static PageWindow resized(PageWindow window, int size) {
    if (window instanceof PageWindow.Offset offset) {
      return new PageWindow.Offset(offset.offset(), size);
    }
    if (window instanceof PageWindow.After after) {
      return new PageWindow.After(after.position(), size);
    }
    return new PageWindow.Before(((PageWindow.Before) window).position(), size);
  }

  /** The window that resumes after {@code page}; its limit is set by {@link #resized}. */
  private static PageWindow next(PageWindow window, SearchPage page) {
    List<String> positions = page.positions();
    if (window instanceof PageWindow.Offset offset) {
      return new PageWindow.Offset(offset.offset() + page.resources().size(), offset.limit());
    }
    if (window instanceof PageWindow.After after) {
      return new PageWindow.After(positions.get(positions.size() - 1), after.limit());
    }
    return new PageWindow.Before(positions.get(0), window.limit());
  }

  private BadRequestException tooMany() {
    return BadRequestException.tooMany("This filter cannot be evaluated by the backend and would need "
        + "more than " + limits.scanLimit() + " resources read (limits.scanLimit). Narrow it with a "
        + "condition the backend evaluates itself, such as an \"eq\" on userName or externalId.");
  }
}
