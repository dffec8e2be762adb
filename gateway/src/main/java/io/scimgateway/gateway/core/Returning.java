package io.scimgateway.gateway.core;

/**
 * The {@code attributes} and {@code excludedAttributes} a client sent (RFC 7644 section 3.9), as
 * text, either or both null; the core reads them against each resource type's schema.
 */
public record Returning(String attributes, String excludedAttributes) {

  /** Every attribute returned by default. */
  public static final Returning DEFAULT = new Returning(null, null);
}
