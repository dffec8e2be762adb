package io.scimgateway.gateway.auth;

import java.util.Objects;

/**
 * The outcome of checking one bearer token: either the caller it identifies, or why it was
 * refused. Immutable and thread-safe.
 */
public sealed interface AuthResult {

  /**
   * The token was accepted.
   *
   * @param principal the caller it identifies
   */
  record Authenticated(Principal principal) implements AuthResult {
    public Authenticated {
      Objects.requireNonNull(principal, "principal");
    }
  }

  /**
   * The token was refused.
   *
   * @param reason one sentence safe to show a SCIM client (see {@link RejectionReasons}); it never
   *     contains the token, keys or stack traces
   */
  record Rejected(String reason) implements AuthResult {
    public Rejected {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be blank");
      }
    }
  }
}
