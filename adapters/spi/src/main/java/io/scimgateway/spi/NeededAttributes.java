package io.scimgateway.spi;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which top-level attributes of the core schema a read will use: those the response returns, those
 * the gateway's residual filter and sort read, and those that make the resource's version. A store
 * whose attributes cost a platform call each (a user's {@code groups}, {@code entitlements},
 * {@code roles}; a group's {@code members}) skips the calls for attributes not needed; it may leave
 * them out of what it returns. Immutable and thread-safe.
 */
@FunctionalInterface
public interface NeededAttributes {

  /** Every attribute: what writes and unconditional reads use. */
  NeededAttributes ALL = name -> true;

  /** What an answer without the resource's body uses: its id and version (a bulk answer, a 204). */
  NeededAttributes ID_AND_VERSION = only(Set.of("id", "meta"));

  /** Whether the read uses the top-level core attribute {@code name}, compared without case. */
  boolean includes(String name);

  /** Exactly these top-level attribute names, without regard to case. */
  static NeededAttributes only(Set<String> names) {
    Set<String> lower = names.stream().map(name -> name.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    return name -> lower.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Every attribute but these, without regard to case. */
  static NeededAttributes allBut(Set<String> names) {
    NeededAttributes excluded = only(names);
    return name -> !excluded.includes(name);
  }

  /** What this or {@code other} uses. */
  default NeededAttributes and(NeededAttributes other) {
    return name -> includes(name) || other.includes(name);
  }
}
