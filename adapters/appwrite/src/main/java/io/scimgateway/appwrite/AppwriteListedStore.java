package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.KeyedLocks;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.sqlite.LocalRecord;
import io.scimgateway.sqlite.LocalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Users and Teams stores do alike: search one Appwrite page at a time with the filters and
 * orders {@link AppwriteListing} declares, positions (a document's order value and id), and each
 * document joined with its local state.
 */
abstract class AppwriteListedStore implements ResourceStore {

  protected final LocalState local;
  /** Held from a write's version check to its last call, per resource. */
  protected final KeyedLocks locks = new KeyedLocks();
  private final AppwriteListing listing;
  private final String resourceType;
  private final int pageSize;

  AppwriteListedStore(LocalState local, AppwriteListing listing, String resourceType, int pageSize) {
    this.local = local;
    this.listing = listing;
    this.resourceType = resourceType;
    this.pageSize = pageSize;
  }

  /** A document and what local state holds for it, as a SCIM resource. */
  protected abstract StoredResource view(ObjectNode document, Optional<LocalRecord> record)
      throws ScimException;

  @Override
  public SearchPage search(SearchQuery query) throws ScimException {
    AppwriteListing.Listed listed = listing.search(query);
    List<String> ids = listed.documents().stream().map(document -> document.path("$id").asText())
        .toList();
    Map<String, LocalRecord> records = local.getAll(resourceType, ids);
    List<StoredResource> resources = new ArrayList<>();
    for (ObjectNode document : listed.documents()) {
      resources.add(view(document, Optional.ofNullable(records.get(document.path("$id").asText()))));
    }
    return new SearchPage(resources, listed.total(), listed.positions());
  }

  @Override
  public FilterSupport filterSupport() {
    return listing.filter();
  }

  @Override
  public boolean canSort(Path attribute) {
    return listing.canSort(attribute);
  }

  @Override
  public boolean supportsPositions() {
    return true;
  }

  @Override
  public int maxPageSize() {
    return pageSize;
  }
}
