package io.scimgateway.kit.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups nested in groups, for platforms whose groups hold users only: each group's local state
 * lists the ids of the groups nested in it, and this answers which groups hold a group, directly or
 * through others. Whether a listed group still exists is the platform's to say. Thread-safe.
 */
public final class LocalGroupNesting {

  /** Where a group's local state lists the ids of the groups nested in it. */
  public static final String NESTED_GROUPS = "nestedGroups";

  private final LocalState local;
  private final String groupType;

  /** @param groupType the resource type local state keeps groups under, e.g. {@code Group} */
  public LocalGroupNesting(LocalState local, String groupType) {
    this.local = local;
    this.groupType = groupType;
  }

  /** The groups that hold any of {@code groupIds} through nesting, nearest first, without them. */
  public Set<String> ancestorsOf(Collection<String> groupIds) {
    Set<String> seen = new LinkedHashSet<>(groupIds);
    Set<String> ancestors = new LinkedHashSet<>();
    Deque<String> next = new ArrayDeque<>(groupIds);
    while (!next.isEmpty()) {
      for (String parent : local.idsContaining(groupType, NESTED_GROUPS, next.poll())) {
        if (seen.add(parent)) {
          ancestors.add(parent);
          next.add(parent);
        }
      }
    }
    return ancestors;
  }

  /**
   * Adds and removes nested groups of one group in its local state, keeping its other attributes;
   * removing a group not nested changes nothing.
   */
  public void changeNested(String groupId, Collection<String> added, Collection<String> removed,
      Instant at) {
    ObjectNode attributes = local.get(groupType, groupId).map(LocalRecord::attributes)
        .orElseGet(JsonNodeFactory.instance::objectNode);
    Set<String> nested = new LinkedHashSet<>(nestedIn(attributes));
    nested.addAll(added);
    nested.removeAll(removed);
    local.put(groupType, groupId, withNested(attributes, new ArrayList<>(nested)), at);
  }

  /** The nested group ids a group's local attributes list. */
  public static List<String> nestedIn(JsonNode localAttributes) {
    List<String> ids = new ArrayList<>();
    localAttributes.path(NESTED_GROUPS).forEach(id -> ids.add(id.asText()));
    return ids;
  }

  /** A copy of a group's local attributes that lists exactly {@code groups} as nested. */
  public static ObjectNode withNested(ObjectNode attributes, List<String> groups) {
    ObjectNode copy = attributes.deepCopy();
    copy.remove(NESTED_GROUPS);
    if (!groups.isEmpty()) {
      ArrayNode ids = copy.putArray(NESTED_GROUPS);
      groups.forEach(ids::add);
    }
    return copy;
  }
}
