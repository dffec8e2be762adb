package io.scimgateway.gateway.core.write;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDs of version 7 (RFC 9562 section 5.7): the first 48 bits are the Unix time in milliseconds,
 * the rest random, so ids made later sort later. An audit event's id is one: the store's unique
 * index on it then grows at its end, like the event table itself, instead of taking each new id
 * at a random place (a random page written into every commit). The ids identify, they guard
 * nothing, so the random bits need not be unpredictable. Thread-safe.
 */
final class TimeOrderedIds {

  private static final long VERSION_7 = 0x7000L;
  private static final long VARIANT = 0x8000_0000_0000_0000L;

  private TimeOrderedIds() {
  }

  /** A new id, e.g. {@code 0193a3e4-5b1c-7d2e-9f00-1a2b3c4d5e6f}. */
  static String next() {
    return of(System.currentTimeMillis(), ThreadLocalRandom.current()).toString();
  }

  static UUID of(long epochMillis, ThreadLocalRandom random) {
    long high = (epochMillis << 16) | VERSION_7 | (random.nextLong() & 0x0FFFL);
    long low = VARIANT | (random.nextLong() >>> 2);
    return new UUID(high, low);
  }
}
