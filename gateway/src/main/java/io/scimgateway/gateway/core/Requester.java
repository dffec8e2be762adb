package io.scimgateway.gateway.core;

import java.util.Objects;

/**
 * Who asked for a change and from where, as the audit trail records it.
 *
 * @param actor a named token's name, or a JWT's subject
 * @param clientId the OAuth client a JWT was issued to, or null
 * @param address the client's network address, or null
 * @param requestId the request's correlation id ({@code X-Request-Id}), or null
 */
public record Requester(String actor, String clientId, String address, String requestId) {

  public Requester {
    Objects.requireNonNull(actor, "actor");
  }

  /** The {@code sync} command writing the configured backend in its own process. */
  public static Requester localSync() {
    return new Requester("sync", null, "local", null);
  }
}
