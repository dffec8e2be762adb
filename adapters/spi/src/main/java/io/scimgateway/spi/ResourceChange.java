package io.scimgateway.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import java.util.Objects;

/**
 * A replacement of one resource, as the core decided it: the resource as it was read and the full new
 * representation (already schema-checked, read-only attributes removed).
 *
 * <p>Having both lets a backend call only the operations that changed (per-field platform calls, member
 * rows added or removed). The change is conditional: a backend must refuse it with
 * {@link PreconditionFailedException} when the stored version is no
 * longer {@code before.version()}, so concurrent writers never lose each other's updates.
 */
public record ResourceChange(StoredResource before, ObjectNode after) {

  public ResourceChange {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  public String id() {
    return before.id();
  }
}
