package io.scimgateway.spi;

import java.time.Instant;
import java.util.Objects;

/** What a password reset did. */
public sealed interface ResetOutcome {

  /** The platform itself told the user (for example, an email with a link). */
  record PlatformNotified() implements ResetOutcome {
  }

  /**
   * A one-time secret was issued; the gateway delivers it to its reset sink and nowhere else.
   *
   * @param secret the secret, in the form the user redeems it
   * @param expires when it stops working
   */
  record TokenIssued(String secret, Instant expires) implements ResetOutcome {
    public TokenIssued {
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(expires, "expires");
    }

    @Override
    public String toString() {
      return "TokenIssued[secret=<redacted>, expires=" + expires + "]";
    }
  }
}
