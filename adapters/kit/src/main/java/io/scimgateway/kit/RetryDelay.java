package io.scimgateway.kit;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next attempt: the platform's {@code Retry-After} when it sends one
 * (seconds or an HTTP date), otherwise exponential backoff from the first delay with ±25% jitter so
 * that many callers do not retry in step; always capped at the longest backoff.
 */
final class RetryDelay {

  private final Duration initial;
  private final Duration max;

  RetryDelay(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  /** The delay after the {@code attempt}-th failed attempt (1-based). */
  Duration after(int attempt, PlatformResponse lastResponse) {
    Optional<Duration> asked = lastResponse == null ? Optional.empty()
        : lastResponse.header("retry-after").flatMap(RetryDelay::parse);
    if (asked.isPresent()) {
      return min(asked.get(), max);
    }
    long base = initial.toMillis() << Math.min(20, Math.max(0, attempt - 1));
    double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
    return min(Duration.ofMillis((long) (base * jitter)), max);
  }

  static Optional<Duration> parse(String retryAfter) {
    String value = retryAfter.trim();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(until.isNegative() ? Duration.ZERO : until);
      } catch (DateTimeParseException neither) {
        return Optional.empty();
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
