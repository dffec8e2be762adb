package io.scimgateway.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.stream.Collectors;

/**
 * Accepts JWT bearer tokens signed by a configured issuer, checked with Nimbus's {@link
 * DefaultJWTProcessor}: the signature against the issuer's public keys (a JWKS file read once at
 * start, or a JWKS URL fetched with a timeout, cached and refreshed), then issuer, audience,
 * {@code exp} (required), {@code nbf} and the clock skew of {@link JwtSettings}. Every refusal
 * gets its own reason from {@link RejectionReasons}; a JWKS URL that cannot be reached raises
 * {@link AuthenticationUnavailableException} instead, as that is the gateway's fault. Scopes come
 * from {@link ScopeClaims}.
 *
 * <p>Thread-safe: the processor and the key source are configured once and shared by all requests.
 */
public final class JwtAuthenticator implements TokenAuthenticator {

  static final int CONNECT_TIMEOUT_MILLIS = 3_000;
  static final int READ_TIMEOUT_MILLIS = 3_000;
  private static final int SIZE_LIMIT_BYTES = 512 * 1024;
  private static final long REFRESH_WAIT_MILLIS = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);
  private static final DefaultJOSEObjectTypeVerifier<SecurityContext> TYPES =
      new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
          new JOSEObjectType("application/at+jwt"), null);

  private final Set<JWSAlgorithm> algorithms;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final ScopeClaims scopes;
  private final String keyLocation;

  /**
   * Builds the authenticator; a JWKS file is read now, a JWKS URL on the first token.
   *
   * @param settings validated settings
   * @throws IllegalArgumentException when the JWKS file cannot be read or holds no public key
   */
  public JwtAuthenticator(JwtSettings settings) {
    this.algorithms = settings.algorithms().stream()
        .map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
    this.scopes = new ScopeClaims(settings);
    this.keyLocation = settings.jwksFile() != null
        ? "JWKS file " + settings.jwksFile() : "JWKS URL " + settings.jwksUrl();
    JWKSource<SecurityContext> keys =
        settings.jwksFile() != null ? fileKeys(settings) : urlKeys(settings);
    processor.setJWSTypeVerifier(TYPES);
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    processor.setJWTClaimsSetVerifier(new ClaimsCheck(settings));
  }

  @Override
  public AuthResult authenticate(String token) {
    if (token == null || token.isBlank()) {
      return reject(RejectionReasons.MISSING, "no token");
    }
    SignedJWT jwt;
    try {
      JWT parsed = JWTParser.parse(token.strip());
      if (parsed instanceof PlainJWT) {
        return reject(RejectionReasons.UNSIGNED, "alg none");
      }
      if (!(parsed instanceof SignedJWT signed)) {
        return reject(RejectionReasons.ENCRYPTED, "JWE");
      }
      jwt = signed;
      jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return reject(RejectionReasons.MALFORMED, e.getMessage());
    }
    if (!algorithms.contains(jwt.getHeader().getAlgorithm())) {
      return reject(RejectionReasons.ALGORITHM, "alg " + jwt.getHeader().getAlgorithm());
    }
    if (!typeAccepted(jwt)) {
      return reject(RejectionReasons.TYPE, "typ " + jwt.getHeader().getType());
    }
    try {
      return new AuthResult.Authenticated(scopes.principal(processor.process(jwt, null)));
    } catch (ClaimsCheck.Refused e) {
      return reject(e.reason(), e.getCause().getMessage());
    } catch (BadJWSException e) {
      return reject(RejectionReasons.BAD_SIGNATURE, e.getMessage());
    } catch (BadJWTException e) {
      return reject(RejectionReasons.CLAIMS, e.getMessage());
    } catch (BadJOSEException e) {
      return reject(RejectionReasons.UNKNOWN_KEY, e.getMessage());
    } catch (RateLimitReachedException e) {
      return reject(RejectionReasons.UNKNOWN_KEY, "unknown key, JWKS refresh rate-limited");
    } catch (KeySourceException e) {
      throw new AuthenticationUnavailableException(
          "The " + keyLocation + " could not be retrieved: " + e.getMessage(), e);
    } catch (JOSEException e) {
      return reject(RejectionReasons.NOT_VERIFIABLE, e.getMessage());
    }
  }

  private static boolean typeAccepted(SignedJWT jwt) {
    try {
      TYPES.verify(jwt.getHeader().getType(), null);
      return true;
    } catch (BadJOSEException e) {
      return false;
    }
  }

  private static AuthResult reject(String reason, String detail) {
    LOG.debug("JWT rejected: {} ({})", reason, detail);
    return new AuthResult.Rejected(reason);
  }

  private static JWKSource<SecurityContext> fileKeys(JwtSettings settings) {
    JWKSet keys;
    try {
      keys = JWKSet.load(settings.jwksFile().toFile()).toPublicJWKSet();
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException(
          "jwt.jwksFile " + settings.jwksFile() + " cannot be read as a JWKS: " + e.getMessage(), e);
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(
          "jwt.jwksFile " + settings.jwksFile() + " holds no public key");
    }
    return new ImmutableJWKSet<>(keys);
  }

  private static JWKSource<SecurityContext> urlKeys(JwtSettings settings) {
    long ttl = settings.jwksRefresh().toMillis();
    try {
      return JWKSourceBuilder.<SecurityContext>create(settings.jwksUrl().toURL(),
              new DefaultResourceRetriever(
                  CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS, SIZE_LIMIT_BYTES))
          .cache(ttl, REFRESH_WAIT_MILLIS)
          .refreshAheadCache(false)
          .rateLimited(Math.min(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL, ttl / 2))
          .outageTolerant(true)
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("jwt.jwksUrl is not a usable URL: " + settings.jwksUrl(), e);
    }
  }
}
