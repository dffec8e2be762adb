package io.scimgateway.spi;

import java.time.Instant;

/**
 * Which audit events to read: each condition that is not null must hold; newest first, a window of
 * {@code limit} events after skipping {@code offset}.
 *
 * @param from only events at or after this time
 * @param until only events before this time
 * @param eventId only the event of this id
 * @param resourceId only changes to this resource
 * @param actor only changes by this actor
 * @param operation only this operation ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE})
 * @param resourceName only changes to resources of this name (userName or displayName, any case)
 */
public record AuditQuery(Instant from, Instant until, String eventId, String resourceId, String actor,
    String operation, String resourceName, long offset, int limit) {

  public AuditQuery {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
  }
}
