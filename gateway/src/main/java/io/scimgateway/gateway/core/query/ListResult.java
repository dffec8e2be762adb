package io.scimgateway.gateway.core.query;

import io.scimgateway.spi.StoredResource;
import java.util.List;

/**
 * One page of a list or search.
 *
 * @param resources the page
 * @param totalResults how many resources match in all
 * @param startIndex the 1-based index of the page for index paging, null for cursor paging
 * @param nextCursor the cursor of the next page, null on the last page or for index paging
 * @param previousCursor the cursor of the page before, null on the first page or for index paging
 */
public record ListResult(List<StoredResource> resources, long totalResults, Long startIndex,
    String nextCursor, String previousCursor) {

  public ListResult {
    resources = List.copyOf(resources);
  }

  /** The totals of a page whose resources the caller renders itself. */
  public static ListResult indexedPage(long totalResults, long startIndex) {
    return new ListResult(List.of(), totalResults, startIndex, null, null);
  }

  static ListResult indexed(List<StoredResource> resources, long totalResults, long startIndex) {
    return new ListResult(resources, totalResults, startIndex, null, null);
  }
}
