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
 * @param version changes whenever the stored representation changes; the core turns it into
 *     {@code meta.version} and a weak ETag, and reads nothing in it but its {@link #versionBase}
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

  /**
   * The part of a version that a write's {@code If-Match} compares: all of it up to the first dot. A
   * backend may add a second part, after a dot, for read-only attributes it keeps apart from the
   * resource (a user's groups on a remote platform), so that the tag of a representation holding them
   * moves when they do, while a write, which cannot lose them, is not refused for them.
   */
  public static String versionBase(String version) {
    int dot = version.indexOf('.');
    return dot < 0 ? version : version.substring(0, dot);
  }
}
