package io.scimgateway.gateway.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How {@link JwtAuthenticator} checks JWT bearer tokens. Validated on construction; null for an
 * optional component means its default. Start from {@link #ofJwksUrl} or {@link #ofJwksFile} and
 * change the rest with the {@code with...} methods. Immutable and thread-safe.
 *
 * @param jwksUrl where the issuer publishes its public keys; https, or http on a loopback host
 *     only; exactly one of this and {@code jwksFile}
 * @param jwksFile a local JWKS file, read once at start; exactly one of this and {@code jwksUrl}
 * @param issuer the exact {@code iss} a token must carry
 * @param audiences the {@code aud} values accepted; a token must name at least one
 * @param clockSkew tolerance on {@code exp} and {@code nbf}; default 60 s, at most 10 min
 * @param algorithms the JWS algorithms accepted; default RS256, PS256, ES256; "none" and HMAC
 *     algorithms are refused
 * @param scopeClaim the claim holding scopes, a space-separated string or an array; default
 *     {@code scope}
 * @param readScope the scope value that grants {@link Scope#READ}; default {@code scim.read}
 * @param writeScope the scope value that grants {@link Scope#WRITE}; default {@code scim.write}
 * @param jwksRefresh how long keys fetched from {@code jwksUrl} are cached; default 5 min
 */
public record JwtSettings(
    URI jwksUrl,
    Path jwksFile,
    String issuer,
    List<String> audiences,
    Duration clockSkew,
    List<String> algorithms,
    String scopeClaim,
    String readScope,
    String writeScope,
    Duration jwksRefresh) {

  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
  public static final List<String> DEFAULT_ALGORITHMS = List.of("RS256", "PS256", "ES256");
  public static final String DEFAULT_SCOPE_CLAIM = "scope";
  public static final String DEFAULT_READ_SCOPE = "scim.read";
  public static final String DEFAULT_WRITE_SCOPE = "scim.write";

  /** The scope value that grants {@link Scope#AUDIT}: reading {@code /AuditEvents}. */
  public static final String AUDIT_SCOPE = "scim.audit";
  public static final Duration DEFAULT_JWKS_REFRESH = Duration.ofMinutes(5);

  private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  public JwtSettings {
    if ((jwksUrl == null) == (jwksFile == null)) {
      throw new IllegalArgumentException("exactly one of jwt.jwksUrl and jwt.jwksFile must be set");
    }
    if (jwksUrl != null) {
      checkUrl(jwksUrl);
    }
    issuer = required(issuer, "jwt.issuer");
    if (audiences == null || audiences.isEmpty()) {
      throw new IllegalArgumentException("jwt.audiences must name at least one audience");
    }
    audiences = audiences.stream().map(a -> required(a, "each of jwt.audiences")).toList();
    clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException("jwt.clockSkew must be between 0 and 10 minutes");
    }
    algorithms = JwsAlgorithms.canonical(
        algorithms == null || algorithms.isEmpty() ? DEFAULT_ALGORITHMS : algorithms);
    scopeClaim = scopeClaim == null ? DEFAULT_SCOPE_CLAIM : required(scopeClaim, "jwt.scopeClaim");
    readScope = readScope == null ? DEFAULT_READ_SCOPE : required(readScope, "jwt.readScope");
    writeScope = writeScope == null ? DEFAULT_WRITE_SCOPE : required(writeScope, "jwt.writeScope");
    jwksRefresh = jwksRefresh == null ? DEFAULT_JWKS_REFRESH : jwksRefresh;
    if (jwksRefresh.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("jwt.jwksRefresh must be at least 1 second");
    }
  }

  /** Settings with every default, keys fetched from a JWKS URL. */
  public static JwtSettings ofJwksUrl(URI jwksUrl, String issuer, List<String> audiences) {
    return new JwtSettings(jwksUrl, null, issuer, audiences, null, null, null, null, null, null);
  }

  /** Settings with every default, keys read from a JWKS file. */
  public static JwtSettings ofJwksFile(Path jwksFile, String issuer, List<String> audiences) {
    return new JwtSettings(null, jwksFile, issuer, audiences, null, null, null, null, null, null);
  }

  /** A copy with another tolerance on {@code exp} and {@code nbf}; null for the default. */
  public JwtSettings withClockSkew(Duration skew) {
    return new JwtSettings(jwksUrl, jwksFile, issuer, audiences, skew, algorithms, scopeClaim,
        readScope, writeScope, jwksRefresh);
  }

  /** A copy with another algorithm allow-list; null or empty for the default. */
  public JwtSettings withAlgorithms(List<String> algs) {
    return new JwtSettings(jwksUrl, jwksFile, issuer, audiences, clockSkew, algs, scopeClaim,
        readScope, writeScope, jwksRefresh);
  }

  /** A copy reading scopes from another claim (for example {@code scp}); null for the default. */
  public JwtSettings withScopeClaim(String claim) {
    return new JwtSettings(jwksUrl, jwksFile, issuer, audiences, clockSkew, algorithms, claim,
        readScope, writeScope, jwksRefresh);
  }

  /** A copy with other scope values for READ and WRITE; null for a default. */
  public JwtSettings withScopes(String read, String write) {
    return new JwtSettings(jwksUrl, jwksFile, issuer, audiences, clockSkew, algorithms, scopeClaim,
        read, write, jwksRefresh);
  }

  /** A copy caching JWKS URL keys for another duration; null for the default. */
  public JwtSettings withJwksRefresh(Duration refresh) {
    return new JwtSettings(jwksUrl, jwksFile, issuer, audiences, clockSkew, algorithms, scopeClaim,
        readScope, writeScope, refresh);
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.strip();
  }

  private static void checkUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException("jwt.jwksUrl must be an absolute https URL: " + url);
    }
    if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(host)) {
      throw new IllegalArgumentException(
          "jwt.jwksUrl must use https (plain http is allowed only on localhost): " + url);
    }
  }
}
