package io.scimgateway.spi;

import java.util.ServiceLoader;

/**
 * Creates a {@link Backend} by name. Providers are found with {@link ServiceLoader}: a backend
 * module lists its provider in {@code META-INF/services/BackendProvider}, and the
 * configuration selects it with {@code backend.type}.
 */
public interface BackendProvider {

  /** The name configuration uses to select this backend, e.g. {@code sqlite}. */
  String name();

  /**
   * Opens the backend. Configuration problems are reported as {@link IllegalArgumentException} with a
   * message that names the setting to fix; the gateway refuses to start with it.
   */
  Backend open(BackendContext context);
}
