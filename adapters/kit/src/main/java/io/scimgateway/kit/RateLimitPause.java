package io.scimgateway.kit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a client from calling into a rate limit it has already used up: when an answer says
 * {@code x-ratelimit-remaining: 0}, calls wait until {@code x-ratelimit-reset} (at most the longest
 * backoff) instead of collecting 429s. Reset is read as seconds from now, as the IETF RateLimit draft
 * and ZIdentity send it, or as a Unix time when it is that large, as Appwrite and GitHub send it. A
 * list of values ({@code "0, 20;w=60"}) counts by its smallest. Thread-safe.
 */
final class RateLimitPause {

  /** Values above this are Unix times, not delays (2001-09-09, far beyond any window). */
  private static final long EPOCH_SECONDS_FLOOR = 1_000_000_000L;

  private final Duration maxPause;
  private final Clock clock;
  private volatile Instant pausedUntil = Instant.EPOCH;

  RateLimitPause(Duration maxPause, Clock clock) {
    this.maxPause = maxPause;
    this.clock = clock;
  }

  /** Notes what an answer says about the limit. */
  void observe(PlatformResponse response) {
    Optional<Long> remaining = response.header("x-ratelimit-remaining").flatMap(RateLimitPause::smallest);
    if (remaining.isEmpty() || remaining.get() > 0) {
      return;
    }
    Duration wait = response.header("x-ratelimit-reset").flatMap(RateLimitPause::smallest)
        .map(this::untilReset).orElse(Duration.ofSeconds(1));
    Instant until = clock.instant().plus(wait.compareTo(maxPause) < 0 ? wait : maxPause);
    synchronized (this) {
      if (until.isAfter(pausedUntil)) {
        pausedUntil = until;
      }
    }
  }

  /** Waits, if the limit is used up, until it resets; returns the milliseconds waited. */
  long awaitTurn() throws InterruptedException {
    long millis = Duration.between(clock.instant(), pausedUntil).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
    return Math.max(0, millis);
  }

  /** How long, per the reset header, until the window resets. */
  Duration untilReset(long reset) {
    if (reset < EPOCH_SECONDS_FLOOR) {
      return Duration.ofSeconds(Math.max(0, reset));
    }
    Duration until = Duration.between(clock.instant(), Instant.ofEpochSecond(reset));
    return until.isNegative() ? Duration.ZERO : until;
  }

  /** The smallest number at the start of each comma-separated item, e.g. 0 of {@code "0, 20;w=60"}. */
  static Optional<Long> smallest(String header) {
    Long smallest = null;
    for (String item : header.split(",")) {
      String number = item.split(";")[0].trim();
      try {
        long value = Long.parseLong(number);
        smallest = smallest == null ? value : Math.min(smallest, value);
      } catch (NumberFormatException notANumber) {
        // An item this client does not understand limits nothing.
      }
    }
    return Optional.ofNullable(smallest);
  }
}
