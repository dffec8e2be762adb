package io.scimgateway.gateway.auth;

/**
 * The sentences put in {@link AuthResult.Rejected#reason()}. Each is safe to show a SCIM client:
 * none contains the token, a key or a stack trace.
 */
public final class RejectionReasons {

  /** No token, or a blank one. */
  public static final String MISSING = "No bearer token was presented.";

  /** Neither a configured static token nor a JWT this gateway could check. */
  public static final String NOT_RECOGNISED = "The bearer token is not recognised.";

  /** Looks like a JWT but cannot be parsed, or its payload is not a JSON claims set. */
  public static final String MALFORMED = "The bearer token is not a well-formed JWT.";

  /** A JWT with {@code "alg": "none"}. */
  public static final String UNSIGNED = "Unsigned bearer tokens (alg none) are not accepted.";

  /** A JWE: this gateway accepts only signed tokens. */
  public static final String ENCRYPTED = "Encrypted bearer tokens (JWE) are not accepted.";

  /** The JWS algorithm is not in the configured allow-list (HS256 always lands here). */
  public static final String ALGORITHM =
      "The bearer token's signing algorithm is not accepted by this gateway.";

  /** The {@code typ} header is neither absent, {@code JWT} nor {@code at+jwt}. */
  public static final String TYPE = "The bearer token's type (typ header) is not accepted.";

  /** No key of the gateway's JWKS matches the token's {@code kid} and algorithm. */
  public static final String UNKNOWN_KEY =
      "The bearer token was signed with a key this gateway does not trust.";

  /** A matching key exists but the signature does not verify with it. */
  public static final String BAD_SIGNATURE = "The bearer token's signature is not valid.";

  /** {@code exp} is in the past, beyond the allowed clock skew. */
  public static final String EXPIRED = "The bearer token has expired.";

  /** {@code nbf} is in the future, beyond the allowed clock skew. */
  public static final String NOT_YET_VALID = "The bearer token is not valid yet.";

  /** The token has no {@code exp} claim: tokens that never expire are refused. */
  public static final String NO_EXPIRY = "The bearer token has no expiry time (exp).";

  /** {@code iss} is missing or not the configured issuer. */
  public static final String ISSUER = "The token's issuer is not accepted by this gateway.";

  /** {@code aud} is missing or names none of the configured audiences. */
  public static final String AUDIENCE = "The token's audience is not accepted by this gateway.";

  /** The claims were refused for a reason none of the above describes. */
  public static final String CLAIMS = "The bearer token's claims are not accepted.";

  /** The signature could not be checked at all (for example an unusable key). */
  public static final String NOT_VERIFIABLE = "The bearer token could not be verified.";

  private RejectionReasons() {}
}
