package io.scimgateway.gateway.core;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.WriteBatching;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource types this gateway serves: every type in the schema registry that the backend has a
 * store for. Discovery endpoints list exactly these. Immutable and thread-safe.
 */
public final class ResourceServices {

  private final Map<String, ResourceService> byEndpoint = new LinkedHashMap<>();
  private final ClientCompatibility compatibility;
  private final WriteBatching batching;

  public ResourceServices(SchemaRegistry schemas, Backend backend, GatewayLimits limits,
      ClientCompatibility compatibility) {
    this.compatibility = compatibility;
    this.batching = backend.capability(WriteBatching.class)
        .orElse(new WriteBatching() {
          @Override
          public <T> T inOneBatch(Work<T> work) throws ScimException {
            return work.run();
          }
        });
    CursorCodec cursors = new CursorCodec(Duration.ofSeconds(limits.cursorTimeoutSeconds()));
    for (ResourceTypeDefinition type : schemas.resourceTypes()) {
      Optional<ResourceStore> store = backend.store(type.getName());
      store.ifPresent(s -> byEndpoint.put(endpointName(type), new ResourceService(type, s, limits, cursors, compatibility)));
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

  public List<ResourceService> all() {
    return new ArrayList<>(byEndpoint.values());
  }

  private static String endpointName(ResourceTypeDefinition type) {
    String endpoint = type.getEndpoint();
    return endpoint.startsWith("/") ? endpoint.substring(1) : endpoint;
  }
}
