package io.scimgateway.spi;

import java.util.List;

/** A window of audit events, newest first, and how many match in all. */
public record AuditPage(List<AuditEvent> events, long total) {

  public AuditPage {
    events = List.copyOf(events);
  }
}
