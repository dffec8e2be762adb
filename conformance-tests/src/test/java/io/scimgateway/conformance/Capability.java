package io.scimgateway.conformance;

/**
 * What some conformance tests need of a backend beyond plain SCIM storage. A {@link ConformancePlatform}
 * declares what its backend has; a test that needs more checks the SCIM error that says so, or, where
 * the need is not SCIM at all (the embedded store's file), says with {@link Needs} why it does not run.
 */
public enum Capability {
  /**
   * The gateway's own SQLite store: its file survives restarts and kills, the process runs on it with
   * no configuration, and its tables can be read (hashed reset tokens, "must change" flags).
   */
  EMBEDDED_STORE,
  /**
   * The gateway's own SQL store (SQLite or PostgreSQL): a write and everything it changes commit in
   * one transaction, so there are no platform calls and no local state for a kill to leave half done.
   */
  SQL_STORE,
  /** {@code resetPassword} issues a token the gateway hands to its reset sink (log or webhook). */
  RESET_TOKENS,
  /** {@code mustChangePassword} is taken on its own, without a new password. */
  MUST_CHANGE_PASSWORD,
  /** {@code entitlements} and {@code roles} come from the configured catalog and clients write them. */
  WRITABLE_CATALOG,
  /** {@code userName} can change after creation (SpaceONE's user_id and brainCloud's login id cannot). */
  USERNAME_CHANGES,
  /** Clients write {@code entitlements} (checked against a catalog, or kept as written). */
  WRITABLE_ENTITLEMENTS,
  /** {@code /Entitlements} and {@code /Roles} are served (a catalog, writable or not). */
  CATALOGS
}
