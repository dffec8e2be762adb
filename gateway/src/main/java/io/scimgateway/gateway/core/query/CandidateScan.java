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
import java.util.List;

/**
 * Reads a store's candidates for a filter the store cannot evaluate whole, page by page in the query's
 * order, and hands each to a visitor until it has seen enough. Past the scan limit it fails with
 * {@code 400 tooMany} rather than reading a million resources for one request. Thread-safe.
 */
final class CandidateScan {

  static final int PAGE = 500;

  private final ResourceStore store;
  private final GatewayLimits limits;

  CandidateScan(ResourceStore store, GatewayLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  /** Sees one candidate; answers whether to go on. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(StoredResource resource, String position) throws ScimException;
  }

  /** Candidates from the first (or after {@code position}, or backwards before it). */
  void walk(Filter pushed, Sorting sorting, NeededAttributes needed, String position,
      boolean backward, Visitor visitor) throws ScimException {
    boolean keyset = store.supportsPositions();
    long offset = 0;
    long read = 0;
    String at = position;
    while (true) {
      // One more than the limit allows is read, to tell "exactly at the limit" from "past it".
      int size = (int) Math.min(Math.min(PAGE, store.maxPageSize()), limits.scanLimit() - read + 1);
      PageWindow window = !keyset ? new PageWindow.Offset(offset, size)
          : backward ? new PageWindow.Before(at, size) : new PageWindow.After(at, size);
      SearchPage page = store.search(new SearchQuery(pushed, sorting, window, needed));
      List<StoredResource> resources = page.resources();
      for (int i = 0; i < resources.size(); i++) {
        int index = backward ? resources.size() - 1 - i : i;
        String resourcePosition = keyset ? page.positions().get(index) : null;
        if (!visitor.visit(resources.get(index), resourcePosition)) {
          return;
        }
      }
      read += resources.size();
      if (read > limits.scanLimit()) {
        throw tooMany();
      }
      if (resources.size() < size) {
        return;
      }
      offset += resources.size();
      at = keyset ? page.positions().get(backward ? 0 : resources.size() - 1) : null;
    }
  }

  private BadRequestException tooMany() {
    return BadRequestException.tooMany("This filter cannot be evaluated by the backend and would need "
        + "more than " + limits.scanLimit() + " resources read (limits.scanLimit). Narrow it with a "
        + "condition the backend evaluates itself, such as an \"eq\" on userName or externalId.");
  }
}
