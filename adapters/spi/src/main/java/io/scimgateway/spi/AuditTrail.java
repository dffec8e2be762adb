package io.scimgateway.spi;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.time.Instant;

/**
 * A backend capability: keeps the audit trail of the changes made through it. The gateway hands each
 * change to {@link #recorded} with the event that describes it; where the backend's storage has
 * transactions, the event is written in the same one as the change, so that both are kept or
 * neither. A remote platform's change cannot share a transaction with local files: its event is
 * written once the platform call has succeeded. Thread-safe.
 */
public interface AuditTrail {

  /**
   * Makes a change and records it: runs {@code change} (calls to this backend's stores) and keeps
   * the event {@code event} makes of its result. If the change fails, nothing is recorded.
   */
  <T> T recorded(WriteBatching.Work<T> change, EventOf<T> event) throws ScimException;

  /** The events that match, newest first. */
  AuditPage find(AuditQuery query) throws ScimException;

  /**
   * Deletes at most {@code batch} of the oldest events that are older than {@code before} (when not
   * null) or beyond the newest {@code keep} (when not null); returns how many it deleted.
   */
  int prune(Instant before, Long keep, int batch) throws ScimException;

  /** The event that describes a change, made from the change's result. */
  @FunctionalInterface
  interface EventOf<T> {
    AuditEvent of(T result);
  }
}
