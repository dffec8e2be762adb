package io.scimgateway.gateway.core.password;

import java.time.Instant;
import java.util.Objects;

/**
 * One password reset secret on its way to the reset sink.
 *
 * @param userId the user's id
 * @param userName the user's userName, or null when the store has none
 * @param token the secret the user redeems
 * @param expires when it stops working
 */
public record ResetDelivery(String userId, String userName, String token, Instant expires) {

  public ResetDelivery {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expires, "expires");
  }

  @Override
  public String toString() {
    return "ResetDelivery[userId=" + userId + ", token=<redacted>, expires=" + expires + "]";
  }
}
