package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.sqlite.LocalGroupNesting;
import io.scimgateway.sqlite.LocalState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups nested in groups, which Appwrite teams cannot hold: kept in local state
 * ({@link LocalGroupNesting}); this answers which teams still exist and which groups hold a group,
 * directly or through others. Thread-safe.
 */
final class AppwriteGroupNesting {

  private final AppwriteApi api;
  private final LocalGroupNesting nesting;

  AppwriteGroupNesting(AppwriteApi api, LocalState local) {
    this.api = api;
    this.nesting = new LocalGroupNesting(local, AppwriteTeamStore.RESOURCE_TYPE);
  }

  /** The groups that hold any of {@code groupIds} through nesting, nearest first, without them. */
  Set<String> ancestorsOf(Collection<String> groupIds) {
    return nesting.ancestorsOf(groupIds);
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
