package io.scimgateway.gateway.config;

import io.scimgateway.gateway.auth.BearerAuthenticator;
import io.scimgateway.gateway.auth.JwtAuthenticator;
import io.scimgateway.gateway.auth.JwtSettings;
import io.scimgateway.gateway.auth.StaticTokenAuthenticator;
import io.scimgateway.gateway.auth.StaticTokens;
import io.scimgateway.gateway.auth.TokenStore;
import io.scimgateway.gateway.auth.TokenStoreAuthenticator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds the bearer-token authenticator from the {@code auth:} section, {@code SCIM_GATEWAY_TOKEN}
 * and the data directory's token store.
 */
public final class AuthenticatorFactory {

  /** The environment variable that adds one static token, given in plain text. */
  public static final String TOKEN_VARIABLE = "SCIM_GATEWAY_TOKEN";

  private AuthenticatorFactory() {
  }

  public static BearerAuthenticator create(GatewayConfig.Auth auth, String plainToken) {
    StaticTokenPolicy.check(plainToken, auth.tokens());
    List<String> plain = plainToken == null || plainToken.isBlank() ? List.of() : List.of(plainToken);
    return create(auth, new StaticTokenAuthenticator(auth.tokens(), plain));
  }

  /** The authenticator of a gateway over {@code dataDirectory}, whose token store it reads. */
  public static BearerAuthenticator create(GatewayConfig.Auth auth, String plainToken,
      TokenStore store) {
    StaticTokenPolicy.check(plainToken, auth.tokens());
    List<String> plain = plainToken == null || plainToken.isBlank() ? List.of() : List.of(plainToken);
    return create(auth, new TokenStoreAuthenticator(auth.tokens(), plain, store, Clock.systemUTC()));
  }

  private static BearerAuthenticator create(GatewayConfig.Auth auth, StaticTokens tokens) {
    return BearerAuthenticator.of(tokens, Optional.ofNullable(auth.jwt()).map(AuthenticatorFactory::jwt));
  }

  private static JwtAuthenticator jwt(GatewayConfig.JwtConfig jwt) {
    if ((jwt.jwksUrl() == null) == (jwt.jwksFile() == null)) {
      throw new IllegalArgumentException("auth.jwt needs exactly one of jwksUrl and jwksFile.");
    }
    JwtSettings settings = jwt.jwksUrl() != null
        ? JwtSettings.ofJwksUrl(URI.create(jwt.jwksUrl()), jwt.issuer(), jwt.audiences())
        : JwtSettings.ofJwksFile(jwt.jwksFile(), jwt.issuer(), jwt.audiences());
    if (jwt.clockSkewSeconds() != null) {
      settings = settings.withClockSkew(Duration.ofSeconds(jwt.clockSkewSeconds()));
    }
    if (jwt.algorithms() != null) {
      settings = settings.withAlgorithms(jwt.algorithms());
    }
    if (jwt.scopeClaim() != null) {
      settings = settings.withScopeClaim(jwt.scopeClaim());
    }
    if (jwt.readScope() != null || jwt.writeScope() != null) {
      settings = settings.withScopes(
          jwt.readScope() == null ? JwtSettings.DEFAULT_READ_SCOPE : jwt.readScope(),
          jwt.writeScope() == null ? JwtSettings.DEFAULT_WRITE_SCOPE : jwt.writeScope());
    }
    return new JwtAuthenticator(settings);
  }
}
