package io.scimgateway.gateway.config;

import io.scimgateway.gateway.core.password.ResetSink;
import io.scimgateway.gateway.delivery.FileResetSink;
import io.scimgateway.gateway.delivery.LogResetSink;
import io.scimgateway.gateway.delivery.WebhookResetSink;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Builds the reset sink from the {@code passwordReset:} section and the environment. */
public final class ResetSinkFactory {

  /** Shorter HMAC secrets are guessable; 32 characters of a random string are not. */
  static final int MIN_SECRET_LENGTH = 32;

  private ResetSinkFactory() {
  }

  /** @param environment looks up an environment variable, {@code System::getenv} in production */
  public static ResetSink create(GatewayConfig.PasswordReset config, Path dataDirectory,
      UnaryOperator<String> environment) {
    GatewayConfig.Webhook webhook = config.webhook();
    if (config.sink().equals("file")) {
      return new FileResetSink(dataDirectory.resolve(FileResetSink.FILE_NAME));
    }
    if (webhook == null) {
      return new LogResetSink();
    }
    String secret = environment.apply(webhook.secretEnv());
    if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("passwordReset.webhook.secretEnv names the environment "
          + "variable " + webhook.secretEnv() + ", which must hold the webhook's signing secret of at "
          + "least " + MIN_SECRET_LENGTH + " characters; it is " + (secret == null ? "not set" : "shorter")
          + ".");
    }
    return new WebhookResetSink(URI.create(webhook.url()), secret.getBytes(StandardCharsets.UTF_8),
        Duration.ofSeconds(webhook.timeoutSeconds()));
  }
}
