package io.scimgateway.gateway.core.password;

/** A reset sink could not deliver a secret; the message says why, without the secret. */
public final class ResetDeliveryException extends Exception {

  public ResetDeliveryException(String reason) {
    super(reason);
  }

  public ResetDeliveryException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
