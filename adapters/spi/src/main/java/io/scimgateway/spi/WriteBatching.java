package io.scimgateway.spi;

import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * A backend capability: run many writes as one unit of storage work, so that a bulk request of a
 * thousand creates costs one commit rather than a thousand. Each write inside still succeeds or fails
 * on its own, exactly as outside (a failed write leaves nothing behind); what the batch changes is
 * only when the successful ones become durable and visible to others: all together, when
 * {@link #inOneBatch} returns. Reads and writes made by {@code work} see the batch's own writes.
 */
public interface WriteBatching {

  <T> T inOneBatch(Work<T> work) throws ScimException;

  /**
   * The same, for work that acts on nothing outside the backend and builds its state anew each time
   * it runs: the backend may run it first without setting each write apart and, should a write fail,
   * undo that whole attempt and run the work again write by write. A batch in which nothing fails then
   * costs the backend no per-write bookkeeping.
   */
  default <T> T inOneRepeatableBatch(Work<T> work) throws ScimException {
    return inOneBatch(work);
  }

  /** The writes to batch. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws ScimException;
  }
}
