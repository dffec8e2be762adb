package io.scimgateway.spi;

import com.unboundid.scim2.common.filters.Filter;

/**
 * A page request to a store.
 *
 * @param filter the filter the store must evaluate, built only from terms its {@link FilterSupport}
 *     accepted; null matches every resource
 * @param sorting the order, or null for the store's stable order; only attributes the store declared
 *     with {@link ResourceStore#canSort}
 * @param window the slice to return; keyset windows only when the store declared
 *     {@link ResourceStore#supportsPositions()}
 * @param needed the attributes the gateway will use of each resource found
 */
public record SearchQuery(Filter filter, Sorting sorting, PageWindow window, NeededAttributes needed) {

  public SearchQuery {
    if (window == null) {
      throw new IllegalArgumentException("a search needs a window");
    }
    if (needed == null) {
      needed = NeededAttributes.ALL;
    }
  }

  /** A search whose resources are used whole. */
  public SearchQuery(Filter filter, Sorting sorting, PageWindow window) {
    this(filter, sorting, window, NeededAttributes.ALL);
  }

  /** The resources from {@code offset} in the store's stable order. */
  public SearchQuery(Filter filter, long offset, int limit) {
    this(filter, null, new PageWindow.Offset(offset, limit));
  }

  /** The same search over another window. */
  public SearchQuery withWindow(PageWindow other) {
    return new SearchQuery(filter, sorting, other, needed);
  }
}
