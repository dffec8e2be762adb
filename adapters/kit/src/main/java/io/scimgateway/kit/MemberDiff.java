package io.scimgateway.kit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a group replace changes in a platform's memberships: the members to add and to remove, so that
 * an adapter touches only those and never rewrites the whole list.
 *
 * @param add members in {@code after} but not in {@code before}, in {@code after}'s order
 * @param remove members in {@code before} but not in {@code after}, in {@code before}'s order
 */
public record MemberDiff(List<String> add, List<String> remove) {

  public MemberDiff {
    add = List.copyOf(add);
    remove = List.copyOf(remove);
  }

  public static MemberDiff between(Collection<String> before, Collection<String> after) {
    Set<String> old = new LinkedHashSet<>(before);
    Set<String> wanted = new LinkedHashSet<>(after);
    List<String> add = new ArrayList<>(wanted);
    add.removeAll(old);
    List<String> remove = new ArrayList<>(old);
    remove.removeAll(wanted);
    return new MemberDiff(add, remove);
  }
}
