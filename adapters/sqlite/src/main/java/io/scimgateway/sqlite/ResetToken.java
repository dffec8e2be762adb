package io.scimgateway.sqlite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A one-time password reset token: 256 random bits, base64url without padding (43 characters), so it
 * fits in a link as is. The store keeps only {@link #sha256()}: a token this random needs no slow
 * password hash, and a copy of the database gives nobody a usable token.
 *
 * @param secret the token as the user redeems it
 */
record ResetToken(String secret) {

  private static final int BYTES = 32;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  static ResetToken generate(SecureRandom random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return new ResetToken(ENCODER.encodeToString(bytes));
  }

  /** The SHA-256 of the token's text, in lower-case hex: what the database holds. */
  String sha256() {
    return sha256(secret);
  }

  static String sha256(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "ResetToken[<redacted>]";
  }
}
