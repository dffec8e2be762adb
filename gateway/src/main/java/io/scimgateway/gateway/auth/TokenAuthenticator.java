package io.scimgateway.gateway.auth;

/**
 * Checks a bearer token, independently of HTTP. Implementations are shared by all requests and
 * must be thread-safe.
 */
public interface TokenAuthenticator {

  /**
   * Checks a token.
   *
   * @param token the token as presented after {@code "Bearer "}; null or blank is refused
   * @return {@link AuthResult.Authenticated} or {@link AuthResult.Rejected}; never null
   * @throws AuthenticationUnavailableException when the token cannot be checked because of the
   *     gateway's side (for example its JWKS URL cannot be reached)
   */
  AuthResult authenticate(String token);
}
