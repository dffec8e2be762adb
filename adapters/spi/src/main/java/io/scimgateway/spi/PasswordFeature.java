package io.scimgateway.spi;

/** One thing a {@link PasswordManagement} store can do. */
public enum PasswordFeature {
  /** {@link PasswordManagement#reset} works. */
  RESET,
  /** A reset takes a template name (which message the platform sends). */
  RESET_TEMPLATE,
  /** A reset takes how long its token or link stays valid. */
  RESET_EXPIRY,
  /** {@link PasswordManagement#requirePasswordChange} works. */
  MUST_CHANGE,
  /**
   * "Must change at next sign-in" is set only together with a new password, in one platform call:
   * {@link PasswordManagement#setPassword} works, and a write that asks for the flag must carry a
   * password.
   */
  MUST_CHANGE_WITH_PASSWORD,
  /** {@link PasswordManagement#createWithPasswordHash} works. */
  HASH_IMPORT,
  /** {@link PasswordManagement#skipMfaUntil} works. */
  SKIP_MFA
}
