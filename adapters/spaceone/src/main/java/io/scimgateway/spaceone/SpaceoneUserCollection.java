package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.remote.PlatformCollection;
import io.scimgateway.kit.remote.RecordPage;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.SearchQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SpaceONE's users as the remote store reads them: one by its SCIM id ({@link SpaceoneUserIds}), or
 * a page of {@code user/list}, each record carrying its groups and roles under {@link #GROUPS} and
 * {@link #ROLES}, read in one call each for the whole page. Offset pages follow SpaceONE's order by
 * user_id; cursor pages are keyset pages on user_id. Thread-safe.
 */
final class SpaceoneUserCollection implements PlatformCollection {

  /** Where a record carries the user's SCIM {@code groups}, read with its page. */
  static final String GROUPS = "scim:groups";
  /** Where a record carries the user's SCIM {@code roles}, read with its page. */
  static final String ROLES = "scim:roles";

  /** The groups of some users, by user_id, as SCIM {@code groups} values. */
  @FunctionalInterface
  interface GroupsOf {
    Map<String, ArrayNode> of(Collection<String> userIds) throws ScimException;
  }

  private final SpaceoneUsers users;
  private final GroupsOf groupsOf;
  private final SpaceoneRoles roles;
  private final SpaceoneQueryTranslator translator;
  private final int pageSize;

  SpaceoneUserCollection(SpaceoneUsers users, GroupsOf groupsOf, SpaceoneRoles roles,
      SpaceoneQueryTranslator translator, int pageSize) {
    this.users = users;
    this.groupsOf = groupsOf;
    this.roles = roles;
    this.translator = translator;
    this.pageSize = pageSize;
  }

  /** The user a SCIM id names: its user_id, made at the time the id says. */
  @Override
  public Optional<ObjectNode> find(String id) throws ScimException {
    return find(id, NeededAttributes.ALL);
  }

  @Override
  public Optional<ObjectNode> find(String id, NeededAttributes needed) throws ScimException {
    Optional<ObjectNode> user = bare(id);
    return user.isEmpty() ? user : Optional.of(related(List.of(user.get()), needed).get(0));
  }

  /** The user a SCIM id names, without its groups and roles. */
  Optional<ObjectNode> bare(String id) throws ScimException {
    Optional<SpaceoneUserIds.Key> key = SpaceoneUserIds.parse(id);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return users.get(key.get().userId()).filter(user -> SpaceoneUserIds.names(key.get(),
        user.path("user_id").asText(), user.path("created_at").asText()));
  }

  @Override
  public void delete(String id) throws ScimException {
    Optional<SpaceoneUserIds.Key> key = SpaceoneUserIds.parse(id);
    if (key.isPresent()) {
      users.delete(key.get().userId());
    }
  }

  @Override
  public String idOf(ObjectNode record) {
    return SpaceoneUserView.id(record);
  }

  @Override
  public RecordPage list(SearchQuery query) throws ScimException {
    if (query.window() instanceof PageWindow.Offset offset) {
      SpaceoneUsers.Page page = users.list(translator.query(query.filter(), query.sorting(), offset));
      return new RecordPage(related(page.users(), query.needed()), page.total());
    }
    return keyset(query);
  }

  /**
   * A cursor page in user_id order: the users after (or before) the position, a user_id, so that users
   * created or deleted between pages neither shift nor repeat the others. Past the first page the
   * total is counted in a second call, as the keyset narrows SpaceONE's own count.
   */
  private RecordPage keyset(SearchQuery query) throws ScimException {
    boolean before = query.window() instanceof PageWindow.Before;
    String position = before ? ((PageWindow.Before) query.window()).position()
        : ((PageWindow.After) query.window()).position();
    int limit = query.window().limit();
    SpaceoneUsers.Page page = users.list(translator.keyset(query.filter(), position, before, limit));
    List<ObjectNode> found = new ArrayList<>(page.users().subList(0, Math.min(limit, page.users().size())));
    if (before) {
      Collections.reverse(found);
    }
    long total = position == null ? page.total() : users.list(translator.count(query.filter())).total();
    return new RecordPage(related(found, query.needed()), total,
        found.stream().map(user -> user.path("user_id").asText()).toList());
  }

  /**
   * The users with their groups and roles, as far as {@code needed}: one call each for all of them.
   */
  List<ObjectNode> related(List<ObjectNode> page, NeededAttributes needed) throws ScimException {
    List<String> userIds = page.stream().map(user -> user.path("user_id").asText()).toList();
    Map<String, ArrayNode> groups = needed.includes("groups") ? groupsOf.of(userIds) : null;
    Map<String, ArrayNode> held = needed.includes("roles") ? roles.rolesOf(userIds) : null;
    for (ObjectNode user : page) {
      String userId = user.path("user_id").asText();
      if (groups != null) {
        user.set(GROUPS, groups.getOrDefault(userId, JsonNodeFactory.instance.arrayNode()));
      }
      if (held != null) {
        user.set(ROLES, held.getOrDefault(userId, JsonNodeFactory.instance.arrayNode()));
      }
    }
    return page;
  }

  @Override
  public FilterSupport filterSupport() {
    return translator;
  }

  @Override
  public int maxPageSize() {
    return pageSize;
  }

  @Override
  public boolean supportsPositions() {
    return true;
  }
}
