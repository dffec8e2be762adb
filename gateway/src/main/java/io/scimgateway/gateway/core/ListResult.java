package io.scimgateway.gateway.core;

import io.scimgateway.spi.StoredResource;
import java.util.List;

/** One page of a list or search: the resources, how many match in all, and where the page starts. */
public record ListResult(List<StoredResource> resources, long totalResults, long startIndex) {

  public ListResult {
    resources = List.copyOf(resources);
  }
}
