package io.scimgateway.gateway.core;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.core.catalog.CatalogListing;
import io.scimgateway.gateway.core.password.ResetSink;
import io.scimgateway.gateway.core.query.CursorCodec;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.AuditTrail;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.EntitlementCatalog;
import io.scimgateway.spi.PasswordFeature;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SharedSecrets;
import io.scimgateway.spi.WriteBatching;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resource types this gateway serves: every type in the schema registry that the backend has a
 * store for. Discovery endpoints list exactly these. Immutable and thread-safe.
 */
public final class ResourceServices {

  private final Map<String, ResourceService> byEndpoint = new LinkedHashMap<>();
  private final ClientCompatibility compatibility;
  private final WriteBatching batching;
  private final Optional<EntitlementCatalog> catalog;
  private final CatalogListing catalogs;
  private final Optional<AuditTrail> auditTrail;

  /**
   * @param recordChanges whether changes go through the backend's audit trail ({@code
   *     audit.enabled}); off, they are made unrecorded and {@link #auditTrail()} still reads the
   *     events recorded before
   */
  public ResourceServices(SchemaRegistry schemas, Backend backend, GatewayLimits limits,
      ClientCompatibility compatibility, ResetSink resetSink, boolean recordChanges) {
    this.compatibility = compatibility;
    this.catalog = backend.capability(EntitlementCatalog.class);
    this.batching = backend.capability(WriteBatching.class)
        .orElse(new WriteBatching() {
          @Override
          public <T> T inOneBatch(Work<T> work) throws ScimException {
            return work.run();
          }
        });
    this.catalogs = new CatalogListing(schemas, catalog, limits, compatibility);
    this.auditTrail = backend.capability(AuditTrail.class);
    Optional<AuditTrail> recording = recordChanges ? auditTrail : Optional.empty();
    CursorCodec cursors = CursorCodec.of(backend.capability(SharedSecrets.class),
        Duration.ofSeconds(limits.cursorTimeoutSeconds()));
    for (ResourceTypeDefinition type : schemas.resourceTypes()) {
      Optional<ResourceStore> store = backend.store(type.getName());
      store.ifPresent(s -> byEndpoint.put(endpointName(type),
          new ResourceService(type, s, limits, cursors, compatibility, resetSink, catalog,
              recording)));
    }
  }

  /** The service at an endpoint name such as {@code Users}. */
  public Optional<ResourceService> byEndpoint(String endpoint) {
    return Optional.ofNullable(byEndpoint.get(endpoint));
  }

  /** The backend's write batching; without the capability, writes simply run one by one. */
  public WriteBatching batching() {
    return batching;
  }

  public ClientCompatibility compatibility() {
    return compatibility;
  }

  /** The backend's entitlements and roles, where it has the capability. */
  public Optional<EntitlementCatalog> catalog() {
    return catalog;
  }

  /** The backend's audit trail, where it keeps one. */
  public Optional<AuditTrail> auditTrail() {
    return auditTrail;
  }

  /** {@code /Entitlements} and {@code /Roles}, as far as the backend serves them. */
  public CatalogListing catalogs() {
    return catalogs;
  }

  /** The password actions the User store can do; empty when it has none, or there are no users. */
  public Set<PasswordFeature> userPasswordFeatures() {
    return byEndpoint("Users").map(ResourceService::passwordFeatures).orElse(Set.of());
  }

  /** The User store's stricter mutabilities, for {@code /Schemas}. */
  public Map<String, String> userAttributeMutability() {
    return byEndpoint("Users").map(ResourceService::attributeMutability).orElse(Map.of());
  }

  public List<ResourceService> all() {
    return new ArrayList<>(byEndpoint.values());
  }

  private static String endpointName(ResourceTypeDefinition type) {
    String endpoint = type.getEndpoint();
    return endpoint.startsWith("/") ? endpoint.substring(1) : endpoint;
  }
}
