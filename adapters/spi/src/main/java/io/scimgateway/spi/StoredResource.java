package io.scimgateway.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One resource as a backend holds it.
 *
 * <p>{@code attributes} is the SCIM representation without {@code id} and {@code meta}: the gateway core
 * adds those, the resource's location and every {@code $ref}. Attributes a backend computes (a user's
 * {@code groups}, a member's {@code display}) are filled in by the backend. The node is owned by the
 * caller once returned.
 *
 * @param version changes whenever the stored representation changes; opaque to the core, which turns
 *     it into {@code meta.version} and a weak ETag
 */
public record StoredResource(
    String id, ObjectNode attributes, Instant created, Instant lastModified, String version) {

  public StoredResource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(version, "version");
  }
}
