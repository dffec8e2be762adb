package io.scimgateway.gateway.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the claims of a verified JWT into a {@link Principal}: the scope claim may be a
 * space-separated string (OAuth {@code scope}) or a JSON array (for example {@code scp}); the
 * subject is {@code sub}, else {@code client_id}, else {@code azp}, else {@code "jwt"}.
 * Immutable and thread-safe.
 */
final class ScopeClaims {

  private static final List<String> SUBJECT_CLAIMS = List.of("sub", "client_id", "azp");

  private final String claim;
  private final String readScope;
  private final String writeScope;

  ScopeClaims(JwtSettings settings) {
    this.claim = settings.scopeClaim();
    this.readScope = settings.readScope();
    this.writeScope = settings.writeScope();
  }

  Principal principal(JWTClaimsSet claims) {
    return new Principal(subject(claims), scopes(claims.getClaim(claim)), Principal.JWT,
        clientId(claims));
  }

  private Set<Scope> scopes(Object value) {
    List<String> granted;
    if (value instanceof String text) {
      granted = List.of(text.trim().split("\\s+"));
    } else if (value instanceof Collection<?> items) {
      granted = items.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    } else {
      granted = List.of();
    }
    Set<Scope> result = EnumSet.noneOf(Scope.class);
    if (granted.contains(readScope)) {
      result.add(Scope.READ);
    }
    if (granted.contains(writeScope)) {
      result.add(Scope.WRITE);
    }
    if (granted.contains(JwtSettings.AUDIT_SCOPE)) {
      result.add(Scope.AUDIT);
    }
    return result;
  }

  private static String clientId(JWTClaimsSet claims) {
    for (String name : new String[] {"client_id", "azp"}) {
      if (claims.getClaim(name) instanceof String value && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static String subject(JWTClaimsSet claims) {
    for (String name : SUBJECT_CLAIMS) {
      if (claims.getClaim(name) instanceof String value && !value.isBlank()) {
        return value;
      }
    }
    return Principal.JWT;
  }
}
