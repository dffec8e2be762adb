package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.PasswordReset;
import io.scimgateway.spi.ResetOutcome;
import java.time.Duration;
import java.time.Instant;

/**
 * A password reset on Appwrite, which has no reset email for administrators: a one-time login token
 * ({@code POST /users/{id}/tokens}) that the user redeems to sign in and choose a new password. The
 * gateway delivers the token's secret to its reset sink.
 */
final class AppwriteResetTokens {

  /** Appwrite's bounds on a token's lifetime (seconds) and length. */
  static final Duration MIN_VALIDITY = Duration.ofSeconds(60);
  static final Duration DEFAULT_VALIDITY = Duration.ofHours(1);
  static final int SECRET_LENGTH = 64;

  private AppwriteResetTokens() {
  }

  static ResetOutcome issue(AppwriteApi api, String userPath, PasswordReset request)
      throws ScimException {
    Duration validFor = request.validFor() == null ? DEFAULT_VALIDITY : request.validFor();
    if (validFor.compareTo(MIN_VALIDITY) < 0) {
      throw BadRequestException.invalidValue("Appwrite login tokens last at least "
          + MIN_VALIDITY.toSeconds() + " seconds; resetValidForSeconds was " + validFor.toSeconds()
          + ".");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("length", SECRET_LENGTH)
        .put("expire", validFor.toSeconds());
    // Not retried after a failure mid-call: a second token would be issued and the first lost.
    ObjectNode token = api.post(userPath + "/tokens", body);
    Instant expires = AppwriteTimes.parse(token.path("expire").asText(null),
        Instant.now().plus(validFor));
    String secret = token.path("secret").asText("");
    if (secret.isEmpty()) {
      throw api.unreadable("a login token without its secret");
    }
    return new ResetOutcome.TokenIssued(secret, expires);
  }
}
