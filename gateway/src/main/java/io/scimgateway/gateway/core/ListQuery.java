package io.scimgateway.gateway.core;

import com.unboundid.scim2.common.filters.Filter;

/**
 * A list or search request after parsing (RFC 7644 section 3.4.2).
 *
 * @param filter the parsed filter, or null for every resource
 * @param startIndex 1-based index of the first result; values below 1 were already raised to 1
 * @param count how many results the client asked for, or null for the server's maximum
 */
public record ListQuery(Filter filter, long startIndex, Integer count) {

  public ListQuery {
    if (startIndex < 1) {
      startIndex = 1;
    }
    if (count != null && count < 0) {
      count = 0;
    }
  }
}
