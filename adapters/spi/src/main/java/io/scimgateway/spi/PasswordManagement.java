package io.scimgateway.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.time.Instant;
import java.util.Set;

/**
 * A User store capability: the password actions of the gateway's password extension schema
 * ({@code urn:scimgateway:params:scim:schemas:extension:password:1.0:User}). Found with
 * {@link ResourceStore#capability(Class)} on the User store; the gateway advertises the extension, and
 * each of its attributes, only for the features a store declares.
 *
 * <p>SCIM's own {@code password} attribute is not part of this: it reaches the store inside the
 * attributes of a create or replace, as any other attribute. The extension's attributes never do: the
 * core removes them, writes the resource, and then calls this capability once per request that set
 * them, so that they act once and are never stored or returned.
 */
public interface PasswordManagement {

  /** What this store can do; the gateway refuses extension attributes for the others. */
  Set<PasswordFeature> features();

  /**
   * Starts a password reset for a user. The store either has the platform notify the user (and says
   * so) or issues a one-time token that the gateway hands to its configured reset sink, never to the
   * SCIM client.
   */
  ResetOutcome reset(String userId, PasswordReset request) throws ScimException;

  /**
   * Refuses, before the write that carries it, a reset this user cannot have (a user of an external identity
   * provider, whose password the platform does not hold), so that the write is not done without it. The default
   * accepts every reset; {@link #reset} still refuses what it cannot do.
   */
  default void checkReset(String userId) throws ScimException {
  }

  /**
   * Withdraws a token this store issued that the gateway could not deliver to its reset sink, so that
   * no usable token is left that nobody holds.
   *
   * @return whether the token is withdrawn; the default withdraws nothing and says so, for a platform
   *     that keeps a token until it expires
   */
  default boolean withdrawReset(String userId, ResetOutcome.TokenIssued token) throws ScimException {
    return false;
  }

  /** Sets or clears "must change the password at next sign-in". */
  void requirePasswordChange(String userId, boolean required) throws ScimException;

  /**
   * Sets a password and "must change it at next sign-in" in one call, for a store with
   * {@link PasswordFeature#MUST_CHANGE_WITH_PASSWORD}: the core calls this, after the write, for a
   * write that carries both {@code password} and {@code mustChangePassword}, and gives the write
   * itself no password.
   */
  default void setPassword(String userId, String password, boolean mustChange) throws ScimException {
    throw new UnsupportedOperationException("this store sets passwords in its writes only");
  }

  /**
   * Lets a user sign in without multi-factor authentication until {@code until}, for a store with
   * {@link PasswordFeature#SKIP_MFA}.
   */
  default void skipMfaUntil(String userId, Instant until) throws ScimException {
    throw new UnsupportedOperationException("this store cannot defer multi-factor authentication");
  }

  /**
   * Creates a user whose password is given as a hash made elsewhere (a migration from another
   * system), so that the user keeps signing in with the same password.
   *
   * @param attributes the SCIM representation, as for {@link ResourceStore#create}, without
   *     {@code password}
   */
  default StoredResource createWithPasswordHash(ObjectNode attributes, PasswordHash hash)
      throws ScimException {
    throw new UnsupportedOperationException("this store does not import password hashes");
  }
}
