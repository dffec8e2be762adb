package io.scimgateway.kit.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link LocalState} keeps of one resource: the SCIM attributes its platform cannot hold, and the
 * times the gateway first and last wrote them (milliseconds, UTC). The node is the caller's to change.
 */
public record LocalRecord(String platformId, ObjectNode attributes, Instant created,
    Instant lastModified) {

  public LocalRecord {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastModified, "lastModified");
  }
}
