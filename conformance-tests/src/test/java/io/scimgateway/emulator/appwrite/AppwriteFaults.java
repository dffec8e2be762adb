package io.scimgateway.emulator.appwrite;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Faults for the next requests, applied in the order they were queued, one per request: 429 with Retry-After, 500,
 * a delay before the normal answer, or a dropped connection (closed with no response).
 */
public final class AppwriteFaults {

  /** What happens to one request. */
  sealed interface Fault permits RateLimited, ServerError, Delayed, Dropped {}

  record RateLimited(int retryAfterSeconds) implements Fault {}

  record ServerError() implements Fault {}

  record Delayed(Duration delay) implements Fault {}

  record Dropped() implements Fault {}

  private final Deque<Fault> queue = new ArrayDeque<>();

  /** The next {@code count} requests get 429 general_rate_limit_exceeded with this Retry-After. */
  public synchronized AppwriteFaults rateLimitNext(int count, int retryAfterSeconds) {
    return add(count, new RateLimited(retryAfterSeconds));
  }

  /** The next {@code count} requests get 500 "Server Error". */
  public synchronized AppwriteFaults failNext(int count) {
    return add(count, new ServerError());
  }

  /** The next {@code count} requests are answered normally after {@code delay}. */
  public synchronized AppwriteFaults delayNext(int count, Duration delay) {
    return add(count, new Delayed(delay));
  }

  /** The next {@code count} requests have their connection closed without any response. */
  public synchronized AppwriteFaults dropNext(int count) {
    return add(count, new Dropped());
  }

  public synchronized void clear() {
    queue.clear();
  }

  public synchronized int pending() {
    return queue.size();
  }

  synchronized Fault next() {
    return queue.poll();
  }

  private AppwriteFaults add(int count, Fault fault) {
    for (int i = 0; i < count; i++) {
      queue.add(fault);
    }
    return this;
  }
}
