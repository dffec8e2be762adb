package io.scimgateway.kit.remote;

import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.BackendProvider;
import java.util.function.Function;

/**
 * A {@link BackendProvider} by name and constructor. {@link java.util.ServiceLoader} needs a public
 * class with a constructor without arguments, so an adapter writes one line:
 *
 * <pre>{@code
 * public final class PlatformBackendProvider extends RemoteBackendProvider {
 *   public PlatformBackendProvider() {
 *     super("platform", context -> new PlatformBackend(PlatformSettings.from(context)));
 *   }
 * }
 * }</pre>
 * and lists it in {@code META-INF/services/io.scimgateway.spi.BackendProvider}.
 */
public abstract class RemoteBackendProvider implements BackendProvider {

  private final String name;
  private final Function<BackendContext, Backend> open;

  protected RemoteBackendProvider(String name, Function<BackendContext, Backend> open) {
    this.name = name;
    this.open = open;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Backend open(BackendContext context) {
    return open.apply(context);
  }
}
