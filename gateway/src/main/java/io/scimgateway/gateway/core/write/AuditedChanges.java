package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.gateway.core.Requester;
import io.scimgateway.gateway.core.password.PasswordExtension.Attribute;
import io.scimgateway.gateway.core.password.PasswordExtension;
import io.scimgateway.gateway.core.password.PasswordRequest;
import io.scimgateway.spi.AuditEvent;
import io.scimgateway.spi.AuditTrail;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.spi.WriteBatching;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The changes of one resource type, each made through the backend's {@link AuditTrail} with the
 * event that describes it: who asked, from where, what changed from what to what. The same for
 * every backend; the backend decides only how the event is kept with its change. A backend without
 * an audit trail makes the changes unrecorded. Thread-safe.
 */
public final class AuditedChanges {

  static final String SUCCESS = "success";

  private final Optional<AuditTrail> trail;
  private final String resourceType;
  private final UnaryOperator<ObjectNode> writable;

  /**
   * @param writable the attributes of a stored resource that a client can write: a change is
   *     compared with those, so that read-only attributes (computed groups, a platform's read-only
   *     roles) never show as removed
   */
  public AuditedChanges(Optional<AuditTrail> trail, String resourceType,
      UnaryOperator<ObjectNode> writable) {
    this.trail = trail;
    this.resourceType = resourceType;
    this.writable = writable;
  }

  /** A change of {@code before} (null for a create) into {@code after} (null for a delete). */
  public StoredResource change(Requester by, String operation, StoredResource before, ObjectNode after,
      PasswordRequest password, WriteBatching.Work<StoredResource> change) throws ScimException {
    ObjectNode old = before == null ? null
        : after == null ? before.attributes() : writable.apply(before.attributes());
    ArrayNode changes = AttributeChanges.between(old, after);
    passwordActions(changes, password);
    return record(by, operation, change, result -> result == null ? before : result, changes);
  }

  /** A change of only a group's members, as a {@code GroupMembership} store makes it. */
  public StoredResource members(Requester by, Collection<String> added, Collection<String> removed,
      WriteBatching.Work<StoredResource> change) throws ScimException {
    ArrayNode changes = AttributeChanges.between(null, null);
    changes.add(AttributeChanges.memberChange(added, removed));
    return record(by, "PATCH", change, result -> result, changes);
  }

  /** Password actions alone, already done: nothing stored about the user changed. */
  public StoredResource passwordActions(Requester by, StoredResource user, PasswordRequest password)
      throws ScimException {
    ArrayNode changes = AttributeChanges.between(null, null);
    passwordActions(changes, password);
    return record(by, "PATCH", () -> user, result -> result, changes);
  }

  private StoredResource record(Requester by, String operation,
      WriteBatching.Work<StoredResource> change, Subject subject, ArrayNode changes)
      throws ScimException {
    if (trail.isEmpty()) {
      return change.run();
    }
    return trail.get().recorded(change, result -> {
      StoredResource resource = subject.of(result);
      return new AuditEvent(TimeOrderedIds.next(),
          Instant.now().truncatedTo(ChronoUnit.MILLIS), by.actor(), by.clientId(), by.address(),
          by.requestId(), operation, resourceType, resource == null ? null : resource.id(),
          name(resource), changes, SUCCESS);
    });
  }

  private static String name(StoredResource resource) {
    if (resource == null) {
      return null;
    }
    JsonNode name = resource.attributes().has("userName") ? resource.attributes().get("userName")
        : resource.attributes().get("displayName");
    return name == null || !name.isTextual() ? null : name.textValue();
  }

  /**
   * The password extension's actions, by their short names ({@code resetPassword}), with values
   * only where they hold no secret.
   */
  private static void passwordActions(ArrayNode changes, PasswordRequest password) {
    if (password.password() != null) {
      changes.add(AttributeChanges.named("password"));
    }
    for (Attribute attribute : password.asked()) {
      ObjectNode change = AttributeChanges.named(attribute.schemaName);
      switch (attribute) {
        case RESET_PASSWORD -> change.put("new", true);
        case MUST_CHANGE_PASSWORD -> change.put("new", password.mustChange());
        case SKIP_MFA_UNTIL -> change.put("new", String.valueOf(password.skipMfaUntil()));
        default -> { } // the hash, the template and the validity are named, not recorded
      }
      changes.add(change);
    }
  }

  /** Which resource an event is about, from the change's result. */
  @FunctionalInterface
  private interface Subject {
    StoredResource of(StoredResource result);
  }
}
