package io.scimgateway.emulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Faults for the next requests, applied in the order they were queued, one per request: the platform's 429 with
 * Retry-After, its 500, a delay before the normal answer, a dropped connection (closed with no response), a canned
 * answer, or a request carried out whose answer is then lost. Thread-safe.
 */
public final class EmulatorFaults {

  /** What happens to one request. */
  sealed interface Fault permits RateLimited, ServerError, Delayed, Dropped, Canned, AppliedThenLost {}

  record RateLimited(int retryAfterSeconds) implements Fault {}

  record ServerError() implements Fault {}

  record Delayed(Duration delay) implements Fault {}

  record Dropped() implements Fault {}

  record Canned(EmulatorResponse response) implements Fault {}

  /** The request is carried out, then its answer lost: replaced by the platform's 500, or the connection dropped. */
  record AppliedThenLost(boolean dropped) implements Fault {}

  private final Deque<Fault> queue = new ArrayDeque<>();

  /** The next {@code count} requests get the platform's 429 with this Retry-After. */
  public synchronized EmulatorFaults rateLimitNext(int count, int retryAfterSeconds) {
    return add(count, new RateLimited(retryAfterSeconds));
  }

  /** The next {@code count} requests get the platform's 500. */
  public synchronized EmulatorFaults failNext(int count) {
    return add(count, new ServerError());
  }

  /** The next {@code count} requests are answered normally after {@code delay}. */
  public synchronized EmulatorFaults delayNext(int count, Duration delay) {
    return add(count, new Delayed(delay));
  }

  /** The next {@code count} requests have their connection closed without any response. */
  public synchronized EmulatorFaults dropNext(int count) {
    return add(count, new Dropped());
  }

  /** The next {@code count} requests get this answer instead of their own (a platform's odd error, say). */
  public synchronized EmulatorFaults answerNext(int count, EmulatorResponse response) {
    return add(count, new Canned(response));
  }

  /**
   * The next {@code count} requests are carried out, but the caller gets the platform's 500 instead of the answer:
   * the case where a retried write could be applied twice.
   */
  public synchronized EmulatorFaults applyThenFailNext(int count) {
    return add(count, new AppliedThenLost(false));
  }

  /** The next {@code count} requests are carried out, then their connection is closed without an answer. */
  public synchronized EmulatorFaults applyThenDropNext(int count) {
    return add(count, new AppliedThenLost(true));
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

  private EmulatorFaults add(int count, Fault fault) {
    for (int i = 0; i < count; i++) {
      queue.add(fault);
    }
    return this;
  }
}
