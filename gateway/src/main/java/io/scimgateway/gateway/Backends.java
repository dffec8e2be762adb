package io.scimgateway.gateway;

import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.config.GatewayConfig;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.BackendProvider;
import io.scimgateway.spi.ReturnedOnRequest;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The backends this gateway has, found with {@link ServiceLoader}, and opening the configured one. */
public final class Backends {

  private Backends() {
  }

  /** The names {@code backend.type} accepts. */
  public static List<String> names() {
    return ServiceLoader.load(BackendProvider.class).stream().map(p -> p.get().name()).sorted().toList();
  }

  /** @throws IllegalArgumentException when the type names no backend, or its settings are unusable */
  public static Backend open(GatewayConfig config, SchemaRegistry registry) {
    String type = config.backendType();
    for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
      if (provider.name().equals(type)) {
        return provider.open(new BackendContext(registry, config.backend(), config.data()));
      }
    }
    throw new IllegalArgumentException("backend.type \"" + type + "\" names no backend this gateway "
        + "has. Use one of " + String.join(", ", names()) + ".");
  }

  /**
   * The schemas as {@code backend} serves them: {@code registry}, with the attributes the backend reads
   * with platform calls of their own ({@link ReturnedOnRequest}) returned only when a request names them.
   * Requests, responses and {@code /Schemas} all use what this returns.
   */
  public static SchemaRegistry servedSchemas(SchemaRegistry registry, Backend backend) {
    Optional<ReturnedOnRequest> costly = backend.capability(ReturnedOnRequest.class);
    if (costly.isEmpty()) {
      return registry;
    }
    SchemaRegistry served = registry;
    for (ResourceTypeDefinition type : registry.resourceTypes()) {
      String id = type.toScimResource().getId();
      served = served.returningOnRequest(id, costly.get().attributes(id));
    }
    return served;
  }
}
