package io.scimgateway.spi;

import java.util.Optional;

/**
 * A backend the gateway serves SCIM resources from: the embedded store, or one remote platform.
 *
 * <p>A backend offers one {@link ResourceStore} per SCIM resource type it serves (keyed by the resource
 * type's id, {@code "User"} or {@code "Group"}) and, optionally, abilities beyond plain storage looked
 * up with {@link #capability(Class)}, so that wrappers (metrics, rate limits) can pass them through.
 *
 * <p>Implementations must be thread-safe: one instance serves every request.
 */
public interface Backend extends AutoCloseable {

  /** The store for a resource type id such as {@code "User"}, or empty when this backend does not serve it. */
  Optional<ResourceStore> store(String resourceTypeId);

  /** An optional ability of this backend, such as password management; empty when it has none. */
  default <C> Optional<C> capability(Class<C> type) {
    return Optional.empty();
  }

  /** Releases connections and files. Called once, when the gateway shuts down. */
  @Override
  default void close() {
  }
}
