package io.scimgateway.spi;

import java.util.List;

/**
 * One page of search results.
 *
 * @param resources the resources of the page, in the query's order
 * @param totalResults how many resources match the query in all
 * @param positions for keyset windows, the position of each resource (same size and order as
 *     {@code resources}), to resume after or before it; empty for offset windows
 */
public record SearchPage(List<StoredResource> resources, long totalResults, List<String> positions) {

  public SearchPage {
    resources = List.copyOf(resources);
    positions = List.copyOf(positions);
    if (!positions.isEmpty() && positions.size() != resources.size()) {
      throw new IllegalArgumentException("one position per resource, or none");
    }
  }

  public SearchPage(List<StoredResource> resources, long totalResults) {
    this(resources, totalResults, List.of());
  }
}
