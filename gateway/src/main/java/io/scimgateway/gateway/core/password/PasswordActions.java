package io.scimgateway.gateway.core.password;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.gateway.core.WriteKind;
import io.scimgateway.gateway.core.password.PasswordExtension.Attribute;
import io.scimgateway.spi.PasswordFeature;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.ResetOutcome;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.StoredResource;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password extension for one store: takes it out of a checked resource, refuses what the store
 * cannot do before anything is written, and after the write acts once: "must change" first (with the
 * password, for a store that sets both in one call), then skipping MFA, then the reset, whose token
 * goes to the reset sink. A token the sink could not take is withdrawn and the
 * request answered {@code 502}, so no reset is lost silently. Thread-safe.
 */
public final class PasswordActions {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordActions.class);

  private final Optional<PasswordManagement> management;
  private final Set<PasswordFeature> features;
  private final ResetSink sink;

  public PasswordActions(Optional<PasswordManagement> management, ResetSink sink) {
    this.management = management;
    this.features = management.map(PasswordManagement::features).orElse(Set.of());
    this.sink = sink;
  }

  /** What the store can do; empty without the capability. */
  public Set<PasswordFeature> features() {
    return features;
  }

  /** Removes the extension from {@code resource} and checks that this store can do what it asks. */
  public PasswordRequest take(ObjectNode resource, WriteKind kind) throws BadRequestException {
    PasswordRequest request = PasswordRequest.of(PasswordExtension.take(resource));
    for (Attribute attribute : request.asked()) {
      if (!PasswordExtension.supported(attribute, features)) {
        throw BadRequestException.invalidValue(management.isEmpty()
            ? "This backend has no password management, so it cannot " + attribute.ability + " ("
                + attribute.schemaName + " of " + PasswordExtension.URN + ")."
            : "This backend cannot " + attribute.ability + " (" + attribute.schemaName + "); GET "
                + "/Schemas/" + PasswordExtension.URN + " lists the password actions it supports.");
      }
    }
    if (request.hash() != null && kind != WriteKind.CREATE) {
      throw BadRequestException.invalidValue("passwordHash is only for creating a user (POST); "
          + "to change the password of an existing user, send password.");
    }
    if (request.hash() != null && resource.hasNonNull("password")) {
      throw BadRequestException.invalidValue("Send password or passwordHash, not both.");
    }
    if (request.mustChange() != null && !features.contains(PasswordFeature.MUST_CHANGE)) {
      // The store sets the flag only together with a password: that password is set after the write.
      if (!resource.hasNonNull("password")) {
        throw BadRequestException.invalidValue("This backend sets mustChangePassword only together "
            + "with a new password; send password in the same request.");
      }
      return request.withPassword(resource.remove("password").asText());
    }
    return request;
  }

  /** Creates the user, from the password hash where the request carries one. */
  public StoredResource create(ResourceStore store, ObjectNode attributes, PasswordRequest request)
      throws ScimException {
    return request.hash() == null ? store.create(attributes)
        : management.orElseThrow().createWithPasswordHash(attributes, request.hash());
  }

  /**
   * Sets a password held back from a create (to go with must-change), undoing the create when the
   * store refuses it, so that a refused password never leaves a user without one; returns what is
   * left of the request to {@link #apply}.
   */
  public PasswordRequest setHeldPassword(ResourceStore store, StoredResource user, PasswordRequest request)
      throws ScimException {
    if (request.password() == null || management.isEmpty()) {
      return request;
    }
    try {
      management.get().setPassword(user.id(), request.password(), request.mustChange());
    } catch (ScimException refused) {
      try {
        store.delete(user.id(), null);
      } catch (ScimException ignored) {
        // The refusal is what the client must see.
      }
      throw refused;
    }
    return request.withoutHeldPassword();
  }

  /** Refuses, before the write to an existing user, a reset the store says that user cannot have. */
  public void check(String userId, PasswordRequest request) throws ScimException {
    if (request.reset() != null && management.isPresent()) {
      management.get().checkReset(userId);
    }
  }

  /** Acts on the request once, after the write; returns the user as written. */
  public StoredResource apply(StoredResource user, PasswordRequest request) throws ScimException {
    if (management.isEmpty() || (request.mustChange() == null && request.reset() == null
        && request.skipMfaUntil() == null)) {
      return user;
    }
    PasswordManagement passwords = management.get();
    if (request.password() != null) {
      passwords.setPassword(user.id(), request.password(), request.mustChange());
    } else if (request.mustChange() != null) {
      passwords.requirePasswordChange(user.id(), request.mustChange());
    }
    if (request.skipMfaUntil() != null) {
      passwords.skipMfaUntil(user.id(), request.skipMfaUntil());
    }
    if (request.reset() != null
        && passwords.reset(user.id(), request.reset()) instanceof ResetOutcome.TokenIssued token) {
      deliver(passwords, user, token);
    }
    return user;
  }

  private void deliver(PasswordManagement passwords, StoredResource user,
      ResetOutcome.TokenIssued token) throws ScimException {
    try {
      sink.deliver(new ResetDelivery(user.id(), user.attributes().path("userName").asText(null),
          token.secret(), token.expires()));
    } catch (ResetDeliveryException e) {
      String withdrawn = withdraw(passwords, user.id(), token)
          ? "The reset was withdrawn"
          : "The reset could not be withdrawn and stays valid until it expires, unknown to anyone";
      throw new ResetNotDeliveredException("The user " + user.id() + " was written, but its "
          + "password reset could not be delivered: " + e.getMessage() + ". " + withdrawn
          + "; send resetPassword again once the reset sink works.");
    }
  }

  private static boolean withdraw(PasswordManagement passwords, String userId,
      ResetOutcome.TokenIssued token) {
    try {
      return passwords.withdrawReset(userId, token);
    } catch (ScimException | RuntimeException e) {
      LOG.warn("Could not withdraw the undelivered password reset of user " + userId + ": "
          + e.getClass().getSimpleName());
      return false;
    }
  }

  /** 502: the reset sink, upstream of the gateway, did not take the secret. */
  static final class ResetNotDeliveredException extends ScimException {
    ResetNotDeliveredException(String detail) {
      super(502, null, detail);
    }
  }
}
