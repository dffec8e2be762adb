package io.scimgateway.spi;

import java.util.Set;

/**
 * A backend capability: attributes that cost the platform calls of their own to read (a user's
 * {@code groups}, {@code roles} or {@code entitlements} on most platforms). The gateway serves them
 * with {@code "returned": "request"} (RFC 7643 section 7) in its {@code /Schemas}, so a plain read, a
 * page or an identity provider's {@code userName eq} lookup does not pay for them, and a client that
 * wants them names them in {@code attributes}. Found with {@link Backend#capability(Class)}.
 */
@FunctionalInterface
public interface ReturnedOnRequest {

  /**
   * The top-level core attributes of {@code resourceTypeId} ({@code "User"}) whose {@code returned}
   * becomes {@code request}; empty for a resource type without such attributes.
   */
  Set<String> attributes(String resourceTypeId);
}
