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
  /** {@link PasswordManagement#createWithPasswordHash} works. */
  HASH_IMPORT
}
