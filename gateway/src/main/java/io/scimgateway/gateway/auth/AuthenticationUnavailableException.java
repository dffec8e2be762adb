package io.scimgateway.gateway.auth;

/**
 * A token could not be checked because of the gateway's side, not the client's: typically the
 * JWKS URL cannot be reached or answers something that is not a JWKS. The HTTP layer answers 503.
 * The message names the JWKS location for the operator's log; it never contains the token.
 */
public final class AuthenticationUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be reached, for the operator's log
   * @param cause the underlying failure
   */
  public AuthenticationUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
