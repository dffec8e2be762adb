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

  /** The writes to batch. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws ScimException;
  }
}
