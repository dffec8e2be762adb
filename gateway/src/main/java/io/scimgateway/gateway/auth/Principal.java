package io.scimgateway.gateway.auth;

import java.util.Objects;
import java.util.Set;

/**
 * The caller behind an accepted bearer token. Immutable and thread-safe.
 *
 * @param subject who the caller is, for logs and audit: {@code "static-token:1a2b3c4d"} for a
 *     static token, the JWT's {@code sub} (or {@code client_id}/{@code azp}) for a JWT
 * @param scopes what the caller may do; may be empty (the HTTP layer then answers 403)
 * @param method how the caller was authenticated: {@link #STATIC_TOKEN} or {@link #JWT}
 * @param clientId the OAuth client a JWT was issued to ({@code client_id} or {@code azp}), or null
 */
public record Principal(String subject, Set<Scope> scopes, String method, String clientId) {

  /** The {@link #method()} of a caller that presented one of the configured static tokens. */
  public static final String STATIC_TOKEN = "static-token";

  /** The {@link #method()} of a caller that presented a signed JWT. */
  public static final String JWT = "jwt";

  public Principal {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank");
    }
    Objects.requireNonNull(method, "method");
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
  }

  /** A caller without an OAuth client: one that presented a static token. */
  public Principal(String subject, Set<Scope> scopes, String method) {
    this(subject, scopes, method, null);
  }

  /**
   * Tells whether the caller holds a scope.
   *
   * @param scope the scope the request needs
   * @return true when {@link #scopes()} contains it
   */
  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }
}
