package io.scimgateway.spi;

import java.util.List;

/**
 * One page of search results.
 *
 * @param resources the resources of the page, in the store's stable order
 * @param totalResults how many resources match the query in all
 */
public record SearchPage(List<StoredResource> resources, long totalResults) {

  public SearchPage {
    resources = List.copyOf(resources);
  }
}
