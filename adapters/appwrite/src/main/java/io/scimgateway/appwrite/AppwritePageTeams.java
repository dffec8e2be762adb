package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.remote.PlatformCollection;
import io.scimgateway.kit.remote.RecordPage;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.SearchQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appwrite's users, a page of which, when its {@code groups} are needed, carries the team memberships
 * of all its users under {@link #MEMBERSHIPS}, read team by team rather than user by user where that
 * takes fewer calls. Appwrite lists memberships per user or per team only: a page of 100 users in a
 * project of 5 teams is then 1 call for the teams and 5 for their memberships of those users (each
 * {@code userId} in one query), not 100. With more teams than users the page is left as it is, and
 * each user's memberships are read with a call of its own. Thread-safe.
 */
final class AppwritePageTeams implements PlatformCollection {

  /** The user's memberships, as Appwrite lists them, when its page read them. */
  static final String MEMBERSHIPS = "scim:memberships";

  private final PlatformCollection users;
  private final AppwriteApi api;

  AppwritePageTeams(PlatformCollection users, AppwriteApi api) {
    this.users = users;
    this.api = api;
  }

  @Override
  public RecordPage list(SearchQuery query) throws ScimException {
    RecordPage page = users.list(query);
    if (query.needed().includes("groups") && page.records().size() > 2) {
      attach(page.records());
    }
    return page;
  }

  private void attach(List<ObjectNode> page) throws ScimException {
    ObjectNode first = api.list("/teams", List.of(AppwriteQuery.order("$id", false),
        AppwriteQuery.limit(AppwriteApi.PAGE), AppwriteQuery.offset(0)));
    long teams = first.path("total").asLong();
    // Calls by team: the rest of the team list and one a team; by user: one a user.
    if (teams >= AppwriteApi.COUNTED || (teams + AppwriteApi.PAGE - 1) / AppwriteApi.PAGE - 1 + teams
        >= page.size()) {
      return;
    }
    List<JsonNode> all = new ArrayList<>();
    first.path("teams").forEach(all::add);
    if (all.size() < teams) {
      all = api.listAll("/teams", "teams", List.of());
    }
    List<JsonNode> ids = new ArrayList<>();
    page.forEach(user -> ids.add(user.path("$id")));
    Map<String, ArrayNode> byUser = new HashMap<>();
    for (JsonNode team : all) {
      for (JsonNode membership : api.listAll("/teams/" + AppwriteApi.segment(team.path("$id").asText())
          + "/memberships", "memberships", List.of(AppwriteQuery.compare("equal", "userId", ids)))) {
        byUser.computeIfAbsent(membership.path("userId").asText(),
            id -> JsonNodeFactory.instance.arrayNode()).add(membership);
      }
    }
    for (ObjectNode user : page) {
      List<JsonNode> memberships = new ArrayList<>();
      byUser.getOrDefault(user.path("$id").asText(), JsonNodeFactory.instance.arrayNode())
          .forEach(memberships::add);
      // In the order a user's own list has them, so that either way reads the same.
      memberships.sort(Comparator.comparing(membership -> membership.path("$id").asText()));
      user.putArray(MEMBERSHIPS).addAll(memberships);
    }
  }

  /** The memberships {@code user}'s page read, taken off the record; empty when it read none. */
  static Optional<List<JsonNode>> taken(ObjectNode user) {
    JsonNode held = user.remove(MEMBERSHIPS);
    if (held == null) {
      return Optional.empty();
    }
    List<JsonNode> memberships = new ArrayList<>();
    held.forEach(memberships::add);
    return Optional.of(memberships);
  }

  @Override
  public Optional<ObjectNode> find(String id) throws ScimException {
    return users.find(id);
  }

  @Override
  public void delete(String id) throws ScimException {
    users.delete(id);
  }

  @Override
  public String idOf(ObjectNode record) {
    return users.idOf(record);
  }

  @Override
  public FilterSupport filterSupport() {
    return users.filterSupport();
  }

  @Override
  public int maxPageSize() {
    return users.maxPageSize();
  }

  @Override
  public boolean canSort(Path attribute) {
    return users.canSort(attribute);
  }

  @Override
  public boolean supportsPositions() {
    return users.supportsPositions();
  }
}
