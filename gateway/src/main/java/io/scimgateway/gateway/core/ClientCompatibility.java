package io.scimgateway.gateway.core;

/**
 * What the gateway accepts from clients beyond the letter of RFC 7644, because identity providers send
 * it. Each leniency is a named switch in the configuration ({@code compatibility:}); the defaults
 * accept both Okta and Microsoft Entra ID.
 *
 * @param booleanStrings accept {@code "True"}/{@code "False"} (any case) where a boolean is expected,
 *     as Entra sends in filters such as {@code emails[primary eq "True"]}
 * @param valuePathComparisons accept {@code emails[type eq "work"].value eq "x"}, which Entra sends to
 *     look users up by email, as the equivalent {@code emails[type eq "work" and value eq "x"]}
 */
public record ClientCompatibility(boolean booleanStrings, boolean valuePathComparisons) {

  public static ClientCompatibility defaults() {
    return new ClientCompatibility(true, true);
  }

  /** Only what the RFC allows. */
  public static ClientCompatibility strict() {
    return new ClientCompatibility(false, false);
  }
}
