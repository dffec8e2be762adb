package io.scimgateway.gateway.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks the JWS algorithm names a configuration allows. Only public-key algorithms the JDK can
 * verify on its own are accepted: a JWKS publishes public keys, so "none" would accept forged
 * tokens and an HMAC algorithm would let anyone who has the public key sign tokens (the
 * key-confusion attack). Stateless and thread-safe.
 */
final class JwsAlgorithms {

  /** The algorithms this gateway can verify, in their canonical spelling. */
  static final List<String> SUPPORTED =
      List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

  private JwsAlgorithms() {}

  /**
   * Checks and normalises an allow-list.
   *
   * @param names algorithm names, any case
   * @return the names in canonical spelling, without duplicates, in the given order
   * @throws IllegalArgumentException for an empty list, "none", an HMAC or unknown algorithm
   */
  static List<String> canonical(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException("jwt.algorithms must name at least one algorithm");
    }
    List<String> result = new ArrayList<>();
    for (String raw : names) {
      String name = raw == null ? "" : raw.trim();
      String upper = name.toUpperCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("jwt.algorithms contains a blank entry");
      }
      if (upper.equals("NONE")) {
        throw new IllegalArgumentException(
            "jwt.algorithms must not contain \"none\": it would accept unsigned, forgeable tokens");
      }
      if (upper.startsWith("HS")) {
        throw new IllegalArgumentException(
            "jwt.algorithms must not contain the HMAC algorithm " + name + ": the JWKS holds public"
                + " keys, and HMAC keyed with a public key lets anyone forge tokens");
      }
      String canonical = SUPPORTED.stream().filter(upper::equals).findFirst().orElse(null);
      if (canonical == null) {
        throw new IllegalArgumentException(
            "jwt.algorithms contains the unknown or unsupported algorithm \"" + name
                + "\"; supported: " + String.join(", ", SUPPORTED));
      }
      if (!result.contains(canonical)) {
        result.add(canonical);
      }
    }
    return List.copyOf(result);
  }
}
