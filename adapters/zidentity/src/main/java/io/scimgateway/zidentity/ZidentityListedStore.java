package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.KeyedLocks;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.PageWindow;
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
 * What the Users and Groups stores do alike: read, delete, and search one ZIdentity page at a time
 * ({@code offset}/{@code limit}, in ZIdentity's own order) with the list parameters
 * {@link ZidentityFilter} narrows by, each record joined with its local state.
 */
abstract class ZidentityListedStore implements ResourceStore {

  protected final ZidentityApi api;
  protected final LocalState local;
  /** Held from a write's version check to its last call, per resource. */
  protected final KeyedLocks locks = new KeyedLocks();
  private final String resourceType;
  private final String listPath;
  private final ZidentityFilter filter;
  private final int pageSize;

  ZidentityListedStore(ZidentityApi api, LocalState local, String resourceType, String listPath,
      ZidentityFilter filter, int pageSize) {
    this.api = api;
    this.local = local;
    this.resourceType = resourceType;
    this.listPath = listPath;
    this.filter = filter;
    this.pageSize = pageSize;
  }

  /** A record and what local state holds for it, as a SCIM resource. */
  protected abstract StoredResource view(ObjectNode record, Optional<LocalRecord> held)
      throws ScimException;

  /** The path of one record, e.g. {@code /users/abc}. */
  protected final String path(String id) {
    return listPath + "/" + ZidentityApi.segment(id);
  }

  protected final ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("No " + resourceType.toLowerCase() + " has the id " + id + ".");
  }

  /** Refuses a write when the resource is no longer at the version the client read (If-Match). */
  protected final void requireVersion(StoredResource current, String expectedVersion)
      throws PreconditionFailedException {
    if (expectedVersion != null && !current.version().equals(expectedVersion)) {
      throw new PreconditionFailedException("The " + resourceType.toLowerCase() + " changed since it "
          + "was read; read it again.");
    }
  }

  @Override
  public Optional<StoredResource> get(String id) throws ScimException {
    Optional<ObjectNode> record = api.find(path(id));
    return record.isEmpty() ? Optional.empty()
        : Optional.of(view(record.get(), local.get(resourceType, id)));
  }

  @Override
  public void delete(String id, String expectedVersion) throws ScimException {
    locks.run(id, () -> deleteChecked(id, expectedVersion));
  }

  private void deleteChecked(String id, String expectedVersion) throws ScimException {
    if (expectedVersion != null) {
      requireVersion(get(id).orElseThrow(() -> notFound(id)), expectedVersion);
    }
    api.delete(path(id));
    local.delete(resourceType, id);
  }

  @Override
  public SearchPage search(SearchQuery query) throws ScimException {
    PageWindow.Offset window = (PageWindow.Offset) query.window();
    // ZIdentity may read limit=0 as its default page size; one record is asked for instead.
    ZidentityApi.Page page = api.page(listPath, filter.parameters(query.filter()), window.offset(),
        Math.max(1, window.limit()));
    List<ObjectNode> records = page.records().subList(0, Math.min(window.limit(), page.records().size()));
    Map<String, LocalRecord> held = local.getAll(resourceType,
        records.stream().map(record -> record.path("id").asText()).toList());
    List<StoredResource> resources = new ArrayList<>();
    for (ObjectNode record : records) {
      resources.add(view(record, Optional.ofNullable(held.get(record.path("id").asText()))));
    }
    return new SearchPage(resources, page.total());
  }

  @Override
  public FilterSupport filterSupport() {
    return filter;
  }

  @Override
  public int maxPageSize() {
    return pageSize;
  }
}
