package io.scimgateway.kit.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One write begun on a remote platform and not finished in local state, as {@link PendingWrites}
 * keeps it.
 *
 * @param platformId the resource's id; null for a create, whose id the platform had not given yet
 * @param attributes what the write was to lead to: the SCIM resource (without its password) for a
 *     create or replace, {@code {"add": [...], "remove": [...]}} for a change of members, null for a
 *     delete
 */
public record PendingWrite(long id, String resourceType, Operation operation, String platformId,
    ObjectNode attributes, Instant started) {

  /** The kinds of write that call a platform and then keep local state. */
  public enum Operation { CREATE, REPLACE, DELETE, MEMBERS }

  /** The write in words, for logs and health: {@code "replace of User 64f1c2 begun at ..."}. */
  public String describe() {
    String target = platformId != null ? platformId
        : attributes == null ? "" : attributes.path("userName").asText(
            attributes.path("displayName").asText(""));
    return operation.name().toLowerCase(java.util.Locale.ROOT) + " of " + resourceType + " " + target
        + " begun at " + started;
  }
}
