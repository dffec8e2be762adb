package io.scimgateway.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Static bearer tokens that protect nothing are refused at start: one shorter than
 * {@value #MIN_LENGTH} characters, or one printed in README (in plain text, or its hash in
 * {@code auth.tokens}). The message says how to make a good one.
 */
final class StaticTokenPolicy {

  static final int MIN_LENGTH = 32;

  /** Tokens README shows or once showed: anyone who read it knows them. */
  private static final List<String> PRINTED = List.of("change-me-to-a-long-random-token", "password");

  private static final String HOW = "Make one with: openssl rand -hex 32";

  private StaticTokenPolicy() {
  }

  static void check(String plainToken, List<String> hashes) {
    if (plainToken != null && !plainToken.isBlank()) {
      if (PRINTED.contains(plainToken)) {
        throw new IllegalArgumentException(AuthenticatorFactory.TOKEN_VARIABLE + " is the example "
            + "token printed in README, which anyone can read. " + HOW + ".");
      }
      if (plainToken.length() < MIN_LENGTH) {
        throw new IllegalArgumentException(AuthenticatorFactory.TOKEN_VARIABLE + " is "
            + plainToken.length() + " characters long; a static token needs at least " + MIN_LENGTH
            + " random characters. " + HOW + ".");
      }
    }
    for (String printed : PRINTED) {
      if (hashes.stream().anyMatch(hash -> hash.toLowerCase(Locale.ROOT).equals(sha256(printed)))) {
        throw new IllegalArgumentException("auth.tokens lists the hash of \"" + printed + "\", a "
            + "token printed in README. " + HOW + ", and list printf %s \"$TOKEN\" | sha256sum.");
      }
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
