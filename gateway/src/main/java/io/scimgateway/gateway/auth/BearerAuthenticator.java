package io.scimgateway.gateway.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The authentication the HTTP layer calls for every request: the static tokens first; when none
 * matches and the token has the shape of a JWS (three base64url parts, the last possibly empty so
 * that an unsigned token gets its own reason) and JWTs are configured, the {@link
 * JwtAuthenticator}; anything else is {@link RejectionReasons#NOT_RECOGNISED}.
 *
 * <p>Immutable and thread-safe.
 */
public final class BearerAuthenticator implements TokenAuthenticator {

  private static final Pattern JWS_SHAPE =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  private final StaticTokens staticTokens;
  private final Optional<JwtAuthenticator> jwt;

  private BearerAuthenticator(StaticTokens staticTokens, Optional<JwtAuthenticator> jwt) {
    this.staticTokens = Objects.requireNonNull(staticTokens, "staticTokens");
    this.jwt = Objects.requireNonNull(jwt, "jwt");
  }

  /**
   * Builds the chain.
   *
   * @param staticTokens the static tokens; {@link StaticTokenAuthenticator#none()} for none
   * @param jwt the JWT authenticator, when JWTs are configured
   * @return the chain
   */
  public static BearerAuthenticator of(
      StaticTokens staticTokens, Optional<JwtAuthenticator> jwt) {
    return new BearerAuthenticator(staticTokens, jwt);
  }

  /**
   * Tells whether any credential can succeed; the gateway refuses to start without one.
   *
   * @return false when there is no static token and no JWT configuration
   */
  public boolean hasAnyCredential() {
    return !staticTokens.isEmpty() || jwt.isPresent();
  }

  @Override
  public AuthResult authenticate(String token) {
    if (token == null || token.isBlank()) {
      return new AuthResult.Rejected(RejectionReasons.MISSING);
    }
    AuthResult result = staticTokens.authenticate(token);
    if (result instanceof AuthResult.Authenticated) {
      return result;
    }
    if (jwt.isPresent() && JWS_SHAPE.matcher(token.strip()).matches()) {
      return jwt.get().authenticate(token);
    }
    return new AuthResult.Rejected(RejectionReasons.NOT_RECOGNISED);
  }
}
