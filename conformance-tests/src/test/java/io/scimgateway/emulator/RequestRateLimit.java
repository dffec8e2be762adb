package io.scimgateway.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code limit} requests per fixed window; the window starts with the first request after the previous one
 * ended. Thread-safe.
 */
public final class RequestRateLimit {

  /** The outcome for one request, with what rate-limit headers report. */
  public record Decision(boolean allowed, int limit, int remaining, Duration resetIn) {

    /** Whole seconds until the window resets, at least 1: what Retry-After and reset headers carry. */
    public int resetSeconds() {
      return (int) Math.max(1, (resetIn.toMillis() + 999) / 1000);
    }
  }

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private Instant windowStart = Instant.MIN;
  private int used;

  public RequestRateLimit(int limit, Duration window, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a rate limit needs a positive limit and window");
    }
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  public int limit() {
    return limit;
  }

  public Duration window() {
    return window;
  }

  /** Counts one request and tells whether it is within the limit. */
  public synchronized Decision acquire() {
    Instant now = clock.instant();
    if (!now.isBefore(windowStart.plus(window))) {
      windowStart = now;
      used = 0;
    }
    Duration resetIn = Duration.between(now, windowStart.plus(window));
    if (used >= limit) {
      return new Decision(false, limit, 0, resetIn);
    }
    used++;
    return new Decision(true, limit, limit - used, resetIn);
  }
}
