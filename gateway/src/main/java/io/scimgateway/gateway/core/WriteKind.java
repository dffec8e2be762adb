package io.scimgateway.gateway.core;

/** Which SCIM write a checked resource comes from: what was left out means something else in each. */
public enum WriteKind {
  /** POST: nothing was there before. */
  CREATE,
  /** PUT: an attribute left out is cleared, or ignored where it is read-only (RFC 7643 section 2.2). */
  REPLACE,
  /** PATCH: the result is the whole resource, so an attribute left out was removed. */
  PATCH
}
