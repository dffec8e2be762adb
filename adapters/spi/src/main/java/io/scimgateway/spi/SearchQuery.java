package io.scimgateway.spi;

import com.unboundid.scim2.common.filters.Filter;

/**
 * A page request to a store.
 *
 * @param filter the filter the store must evaluate, built only from terms its {@link FilterSupport}
 *     accepted; null matches every resource
 * @param offset how many matching resources to skip (0-based), in the store's stable order
 * @param limit how many to return at most; 0 asks only for the total
 */
public record SearchQuery(Filter filter, long offset, int limit) {

  public SearchQuery {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
  }
}
