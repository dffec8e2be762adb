package io.scimgateway.gateway.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an authenticated caller may do: {@link #READ} covers GET and searches, {@link #WRITE}
 * covers POST, PUT, PATCH and DELETE, {@link #AUDIT} reads the audit trail. Immutable and
 * thread-safe.
 */
public enum Scope {
  READ,
  WRITE,
  AUDIT;

  /** Every scope: what {@code SCIM_GATEWAY_TOKEN} and static tokens configured without scopes hold. */
  public static Set<Scope> all() {
    return EnumSet.allOf(Scope.class);
  }

  /** The scope's name as the command line and the token store spell it: {@code read}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a scope name, any case.
   *
   * @throws IllegalArgumentException naming the scopes there are
   */
  public static Scope of(String label) {
    for (Scope scope : values()) {
      if (scope.label().equalsIgnoreCase(label.strip())) {
        return scope;
      }
    }
    throw new IllegalArgumentException("\"" + label + "\" is not a scope; use read, write or audit");
  }
}
