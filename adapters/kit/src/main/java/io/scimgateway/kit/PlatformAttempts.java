package io.scimgateway.kit;

/**
 * A call whose request is built again for each attempt, for protocols that number their requests (brainCloud's
 * packet ids: a resend after a lost answer reuses the number, a new attempt after an answer takes the next one), and
 * whose answers may report a rate limit in their body rather than with a 429.
 */
public interface PlatformAttempts {

  /**
   * The request of the next attempt.
   *
   * @param previous the previous attempt's answer, or null for the first attempt and after an attempt that got
   *     none (a dropped connection, a timeout)
   */
  PlatformRequest next(PlatformResponse previous);

  /**
   * Whether an answer is the platform's rate limit though its status does not say so: it is retried as a 429 is,
   * whatever the method, after a backoff. Must not change anything; called any number of times.
   */
  default boolean limited(PlatformResponse answer) {
    return false;
  }
}
