package io.scimgateway.kit.remote;

import io.scimgateway.kit.PlatformClientSettings;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.spi.AuditTrail;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.HealthCheck;
import io.scimgateway.spi.RequestConcurrency;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.ReturnedOnRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A backend on a remote platform: its stores by resource type, its capabilities, and the local state
 * file it closes on shutdown. An adapter's constructor opens local state, builds its stores on it and
 * registers them:
 *
 * <pre>{@code
 * super(LocalState.open(settings.localState()), settings.client());
 * serve("User", new PlatformUserStore(api, local, groups, clock));
 * serve(RemoteGroupStore.RESOURCE_TYPE, groups);
 * offer(EntitlementCatalog.class, catalog);
 * repairInterruptedWrites();
 * }</pre>
 *
 * <p>Every remote backend keeps its audit trail in its local state ({@link AuditTrail}), and has the
 * gateway return the attributes its stores read with calls of their own only on request
 * ({@link ReturnedOnRequest}, from {@link RemoteStore#returnedOnRequest}).
 */
public abstract class RemoteBackend implements Backend {

  protected final LocalState local;
  private final Map<String, ResourceStore> unjournaled = new HashMap<>();
  private final Map<String, ResourceStore> stores = new HashMap<>();
  private final Map<Class<?>, Object> capabilities = new HashMap<>();
  private final Map<String, Set<String>> onRequest = new HashMap<>();

  /**
   * @param client the settings of the platform client: the gateway works on as many requests at once
   *     as it may have platform calls in flight ({@link RequestConcurrency})
   */
  protected RemoteBackend(LocalState local, PlatformClientSettings client) {
    this.local = local;
    offer(AuditTrail.class, local.auditTrail());
    offer(RequestConcurrency.class, new RequestConcurrency(client.maxInFlight()));
    offer(ReturnedOnRequest.class, resourceType -> onRequest.getOrDefault(resourceType, Set.of()));
  }

  /**
   * Serves a resource type from {@code store}, each write noted while it runs
   * ({@link JournaledStore}); call from the constructor only.
   */
  protected final void serve(String resourceTypeId, ResourceStore store) {
    if (store instanceof RemoteStore remote) {
      onRequest.put(resourceTypeId, remote.returnedOnRequest());
    }
    unjournaled.put(resourceTypeId, store);
    stores.put(resourceTypeId, new JournaledStore(store, resourceTypeId, local.pendingWrites()));
  }

  /**
   * Finishes the writes a crash interrupted between their platform calls and local state
   * ({@link InterruptedWrites}), and reports them in the log and, as {@code interrupted writes}, in
   * the health checks. Call at the end of the constructor, once every store is served.
   */
  protected final void repairInterruptedWrites() {
    List<String> report = InterruptedWrites.repair(local, unjournaled);
    if (!report.isEmpty()) {
      offer(HealthCheck.class, () -> List.of(
          new HealthCheck.HealthPart("interrupted writes", true, String.join(" ", report))));
    }
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
