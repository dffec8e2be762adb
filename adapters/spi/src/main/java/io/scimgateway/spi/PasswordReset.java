package io.scimgateway.spi;

import java.time.Duration;

/**
 * A password reset as a client asked for it.
 *
 * @param template the message template to use, or null for the platform's default; only for stores
 *     with {@link PasswordFeature#RESET_TEMPLATE}
 * @param validFor how long the token or link stays valid, or null for the store's default; only for
 *     stores with {@link PasswordFeature#RESET_EXPIRY}
 */
public record PasswordReset(String template, Duration validFor) {
  public PasswordReset {
    if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
      throw new IllegalArgumentException("validFor must be positive: " + validFor);
    }
  }
}
