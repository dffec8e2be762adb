package io.scimgateway.appwrite;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Ids the gateway chooses for new users and teams, as Appwrite's SDKs do (20 hex characters). Choosing
 * the id makes a create safe to retry: a second attempt finds the first one's user by id.
 */
final class AppwriteIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private AppwriteIds() {
  }

  static String next() {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
