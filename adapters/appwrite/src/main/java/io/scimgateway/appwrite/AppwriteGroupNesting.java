package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.sqlite.LocalState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups nested in groups, which Appwrite teams cannot hold: the gateway keeps each group's nested
 * group ids in its local state, and answers which teams still exist and which groups hold a group,
 * directly or through others. Thread-safe.
 */
final class AppwriteGroupNesting {

  /** Where a group's local state lists the ids of the groups nested in it. */
  static final String NESTED_GROUPS = "nestedGroups";

  private final AppwriteApi api;
  private final LocalState local;

  AppwriteGroupNesting(AppwriteApi api, LocalState local) {
    this.api = api;
    this.local = local;
  }

  /** The groups that hold any of {@code groupIds} through nesting, nearest first, without them. */
  Set<String> ancestorsOf(Collection<String> groupIds) {
    Set<String> seen = new LinkedHashSet<>(groupIds);
    Set<String> ancestors = new LinkedHashSet<>();
    Deque<String> next = new ArrayDeque<>(groupIds);
    while (!next.isEmpty()) {
      for (String parent : local.idsContaining(AppwriteTeamStore.RESOURCE_TYPE, NESTED_GROUPS,
          next.poll())) {
        if (seen.add(parent)) {
          ancestors.add(parent);
          next.add(parent);
        }
      }
    }
    return ancestors;
  }

  /** Of {@code ids}, the teams that exist, with their names, in the order given. */
  Map<String, String> existingTeams(Collection<String> ids) throws ScimException {
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode team : existing("/teams", "teams", ids)) {
      names.put(team.path("$id").asText(), team.path("name").asText(""));
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    ids.stream().filter(names::containsKey).forEach(id -> ordered.put(id, names.get(id)));
    return ordered;
  }

  /** The documents of a collection ({@code /users}, {@code /teams}) with these ids, 100 a call. */
  List<JsonNode> existing(String path, String key, Collection<String> ids) throws ScimException {
    List<String> all = List.copyOf(new LinkedHashSet<>(ids));
    List<JsonNode> found = new ArrayList<>();
    for (int i = 0; i < all.size(); i += AppwriteApi.PAGE) {
      List<JsonNode> chunk = all.subList(i, Math.min(all.size(), i + AppwriteApi.PAGE)).stream()
          .map(id -> (JsonNode) JsonNodeFactory.instance.textNode(id)).toList();
      found.addAll(api.listAll(path, key, List.of(AppwriteQuery.compare("equal", "$id", chunk))));
    }
    return found;
  }
}
