package io.scimgateway.gateway.core.password;

/**
 * Where the one-time secrets of password resets go: to whatever passes them on to the user (a mail
 * service, a help desk), never to the SCIM client. Configured with {@code passwordReset.sink}.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ResetSink {

  /**
   * Delivers one secret, or says why it could not.
   *
   * @throws ResetDeliveryException when the secret did not arrive; its message, safe to show a SCIM
   *     client, says why
   */
  void deliver(ResetDelivery delivery) throws ResetDeliveryException;
}
