package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.BackendProvider;
import io.scimgateway.spi.CatalogValue;
import io.scimgateway.spi.EntitlementCatalog;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.sqlite.SqliteBackendProvider;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A backend for what the gateway does without a capability: the embedded store with capabilities
 * hidden, selected with {@code backend.type: sqlite-limited}. {@code hide} lists capability interface
 * names ({@code [PasswordManagement, EntitlementCatalog]}); {@code readOnlyCatalog: true} keeps the
 * catalog but makes entitlements and roles read-only.
 */
public final class LimitedSqliteBackendProvider implements BackendProvider {

  @Override
  public String name() {
    return "sqlite-limited";
  }

  @Override
  public Backend open(BackendContext context) {
    ObjectNode settings = context.settings();
    Set<String> hidden = new HashSet<>();
    settings.path("hide").forEach(name -> hidden.add(name.asText()));
    Backend sqlite = new SqliteBackendProvider().open(context);
    return new LimitedBackend(sqlite, hidden, settings.path("readOnlyCatalog").asBoolean(false));
  }

  private record LimitedBackend(Backend inner, Set<String> hidden, boolean readOnlyCatalog)
      implements Backend {

    @Override
    public Optional<ResourceStore> store(String resourceTypeId) {
      return inner.store(resourceTypeId).map(store -> new LimitedStore(store, hidden));
    }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
      if (hidden.contains(type.getSimpleName())) {
        return Optional.empty();
      }
      if (type == EntitlementCatalog.class && readOnlyCatalog) {
        return inner.capability(EntitlementCatalog.class).map(ReadOnlyCatalog::new).map(type::cast);
      }
      return inner.capability(type);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  private record ReadOnlyCatalog(EntitlementCatalog inner) implements EntitlementCatalog {
    @Override
    public List<CatalogValue> entitlements() throws ScimException {
      return inner.entitlements();
    }

    @Override
    public List<CatalogValue> roles() throws ScimException {
      return inner.roles();
    }

    @Override
    public boolean entitlementsWritable() {
      return false;
    }

    @Override
    public boolean rolesWritable() {
      return false;
    }
  }

  private record LimitedStore(ResourceStore inner, Set<String> hidden) implements ResourceStore {
    @Override
    public Optional<StoredResource> get(String id) throws ScimException {
      return inner.get(id);
    }

    @Override
    public StoredResource create(ObjectNode attributes) throws ScimException {
      return inner.create(attributes);
    }

    @Override
    public StoredResource replace(ResourceChange change) throws ScimException {
      return inner.replace(change);
    }

    @Override
    public void delete(String id, String expectedVersion) throws ScimException {
      inner.delete(id, expectedVersion);
    }

    @Override
    public SearchPage search(SearchQuery query) throws ScimException {
      return inner.search(query);
    }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
      return hidden.contains(type.getSimpleName()) ? Optional.empty() : inner.capability(type);
    }

    @Override
    public boolean canSort(Path attribute) {
      return inner.canSort(attribute);
    }

    @Override
    public boolean supportsPositions() {
      return inner.supportsPositions();
    }

    @Override
    public int maxPageSize() {
      return inner.maxPageSize();
    }

    @Override
    public FilterSupport filterSupport() {
      return inner.filterSupport();
    }
  }

  /** The {@code backend:} section that selects this backend, hiding {@code capabilities}. */
  static ObjectNode settings(boolean readOnlyCatalog, String... capabilities) {
    ObjectNode settings = ScimJson.object().put("type", "sqlite-limited")
        .put("readOnlyCatalog", readOnlyCatalog);
    for (String capability : capabilities) {
      settings.withArray("hide").add(capability);
    }
    return settings;
  }
}
