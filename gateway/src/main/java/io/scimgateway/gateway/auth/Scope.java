package io.scimgateway.gateway.auth;

/**
 * What an authenticated caller may do: {@link #READ} covers GET and searches, {@link #WRITE}
 * covers POST, PUT, PATCH and DELETE. Immutable and thread-safe.
 */
public enum Scope {
  READ,
  WRITE
}
