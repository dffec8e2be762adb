package io.scimgateway.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One change to a resource as the audit trail keeps it. The gateway's core builds it (it knows who
 * asked, the resource before and after); a backend only persists it with the change.
 *
 * @param id the event's own id
 * @param time when the change was made
 * @param actor who asked: a named token's name, or a JWT's subject
 * @param clientId the OAuth client a JWT was issued to, or null
 * @param address the client's network address, or null
 * @param requestId the request's correlation id ({@code X-Request-Id}), or null
 * @param operation {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param resourceType the resource type, {@code User} or {@code Group}
 * @param resourceId the resource's id
 * @param resourceName its {@code userName} or {@code displayName}, or null
 * @param changes a JSON array of {@code {"attribute", "old", "new"}} (password values never appear)
 * @param outcome how the change ended, {@code success} for a change that was made
 */
public record AuditEvent(String id, Instant time, String actor, String clientId, String address,
    String requestId, String operation, String resourceType, String resourceId, String resourceName,
    JsonNode changes, String outcome) {

  public AuditEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(outcome, "outcome");
  }
}
