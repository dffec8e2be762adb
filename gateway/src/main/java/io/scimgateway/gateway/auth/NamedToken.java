package io.scimgateway.gateway.auth;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A static token kept in the data directory's token store: only its SHA-256 hash, never the token.
 * Its name is the caller's name in logs and the audit trail. Immutable and thread-safe.
 *
 * @param name letters, digits, {@code . _ -}, 1 to 64 characters, unique in the store
 * @param sha256 the token's SHA-256 hash, 64 lower-case hex characters
 * @param scopes what the token may do
 * @param created when it was made
 * @param expires when it stops working, or null for never
 */
public record NamedToken(String name, String sha256, Set<Scope> scopes, Instant created,
    Instant expires) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public NamedToken {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(created, "created");
    checkName(name);
    scopes = scopes == null || scopes.isEmpty() ? Scope.all() : EnumSet.copyOf(scopes);
  }

  /** @throws IllegalArgumentException saying what a name may hold */
  public static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("A token name is 1 to 64 letters, digits, '.', '_' or '-' "
          + "(not \"" + name + "\")");
    }
  }

  /** Tells whether the token has stopped working at {@code now}. */
  public boolean expiredAt(Instant now) {
    return expires != null && !now.isBefore(expires);
  }
}
