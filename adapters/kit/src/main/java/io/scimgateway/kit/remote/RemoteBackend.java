package io.scimgateway.kit.remote;

import io.scimgateway.kit.local.LocalState;
import io.scimgateway.spi.AuditTrail;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.ResourceStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A backend on a remote platform: its stores by resource type, its capabilities, and the local state
 * file it closes on shutdown. An adapter's constructor opens local state, builds its stores on it and
 * registers them:
 *
 * <pre>{@code
 * super(LocalState.open(settings.localState()));
 * serve("User", new PlatformUserStore(api, local, groups, clock));
 * serve(RemoteGroupStore.RESOURCE_TYPE, groups);
 * offer(EntitlementCatalog.class, catalog);
 * }</pre>
 *
 * <p>Every remote backend keeps its audit trail in its local state ({@link AuditTrail}).
 */
public abstract class RemoteBackend implements Backend {

  protected final LocalState local;
  private final Map<String, ResourceStore> stores = new HashMap<>();
  private final Map<Class<?>, Object> capabilities = new HashMap<>();

  protected RemoteBackend(LocalState local) {
    this.local = local;
    offer(AuditTrail.class, local.auditTrail());
  }

  /** Serves a resource type from {@code store}; call from the constructor only. */
  protected final void serve(String resourceTypeId, ResourceStore store) {
    stores.put(resourceTypeId, store);
  }

  /** Offers a backend capability; call from the constructor only. */
  protected final <C> void offer(Class<C> type, C capability) {
    capabilities.put(type, capability);
  }

  @Override
  public final Optional<ResourceStore> store(String resourceTypeId) {
    return Optional.ofNullable(stores.get(resourceTypeId));
  }

  @Override
  public final <C> Optional<C> capability(Class<C> type) {
    return Optional.ofNullable(capabilities.get(type)).map(type::cast);
  }

  @Override
  public void close() {
    local.close();
  }
}
