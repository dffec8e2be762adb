package io.scimgateway.gateway.sync;

/**
 * The target cannot be used at all (unreachable, credentials refused, not a SCIM server, its backend
 * does not open): the run stops, as no row could be written.
 */
final class TargetUnavailableException extends Exception {

  TargetUnavailableException(String message) {
    super(message);
  }

  TargetUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
