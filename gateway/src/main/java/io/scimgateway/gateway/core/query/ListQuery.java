package io.scimgateway.gateway.core.query;

import com.unboundid.scim2.common.filters.Filter;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.Sorting;

/**
 * A list or search request after parsing (RFC 7644 section 3.4.2, RFC 9865).
 *
 * @param filter the checked filter, or null for every resource
 * @param sorting the requested order, or null
 * @param startIndex 1-based index of the first result for index paging; values below 1 become 1
 * @param count how many results the client asked for (negative values become 0), or null for the
 *     server's page size
 * @param cursor null for index paging; otherwise the client's cursor, empty for the first page
 * @param returned the attributes the response returns (the projection's); the search adds those its
 *     filter and sort read
 */
public record ListQuery(Filter filter, Sorting sorting, long startIndex, Integer count, String cursor,
    NeededAttributes returned) {

  public ListQuery {
    if (returned == null) {
      returned = NeededAttributes.ALL;
    }
    if (startIndex < 1) {
      startIndex = 1;
    }
    if (count != null && count < 0) {
      count = 0;
    }
  }

  /** A query whose results are returned whole. */
  public ListQuery(Filter filter, Sorting sorting, long startIndex, Integer count, String cursor) {
    this(filter, sorting, startIndex, count, cursor, NeededAttributes.ALL);
  }

  /** The same query for a response that returns only {@code attributes}. */
  public ListQuery returning(NeededAttributes attributes) {
    return new ListQuery(filter, sorting, startIndex, count, cursor, attributes);
  }

  public boolean cursorPaging() {
    return cursor != null;
  }
}
