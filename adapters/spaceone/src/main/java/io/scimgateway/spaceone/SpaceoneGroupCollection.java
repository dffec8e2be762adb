package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.remote.PlatformCollection;
import io.scimgateway.kit.remote.RecordPage;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.SearchQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SpaceONE's groups (v2 user groups or v1 projects) as the remote group store reads them, each
 * record carrying its user members as SCIM ids with their names under {@link #MEMBERS}: who is in
 * a whole page of groups, and their names, take at most two calls. Thread-safe.
 */
final class SpaceoneGroupCollection implements PlatformCollection {

  /** Where a record carries its members' SCIM ids and names ({@code value}, {@code display}). */
  static final String MEMBERS = "scim:members";

  private final SpaceoneGroups groups;
  private final SpaceoneUsers users;
  private final SpaceoneQueryTranslator translator;
  private final int pageSize;

  SpaceoneGroupCollection(SpaceoneGroups groups, SpaceoneUsers users, SpaceoneQueryTranslator translator,
      int pageSize) {
    this.groups = groups;
    this.users = users;
    this.translator = translator;
    this.pageSize = pageSize;
  }

  @Override
  public Optional<ObjectNode> find(String id) throws ScimException {
    Optional<ObjectNode> group = groups.get(id);
    return group.isEmpty() ? group : Optional.of(withMembers(List.of(group.get())).get(0));
  }

  @Override
  public void delete(String id) throws ScimException {
    groups.delete(id);
  }

  @Override
  public String idOf(ObjectNode record) {
    return record.path(groups.idField()).asText();
  }

  @Override
  public RecordPage list(SearchQuery query) throws ScimException {
    SpaceoneUsers.Page page = groups.list(translator.query(query.filter(), query.sorting(),
        (PageWindow.Offset) query.window()));
    return new RecordPage(withMembers(page.users()), page.total());
  }

  /** The groups with their user members' SCIM ids and names. */
  private List<ObjectNode> withMembers(List<ObjectNode> page) throws ScimException {
    Map<String, List<String>> userIds = groups.userIdsIn(page);
    Map<String, ObjectNode> named = users.named(userIds.values().stream().flatMap(List::stream).distinct()
        .toList());
    for (ObjectNode group : page) {
      ArrayNode members = JsonNodeFactory.instance.arrayNode();
      for (String userId : userIds.getOrDefault(idOf(group), List.of())) {
        ObjectNode user = named.get(userId);
        if (user != null) {
          String name = user.path("name").asText("");
          members.addObject().put("value", SpaceoneUserView.id(user)).put("display", name.isEmpty()
              ? userId : name);
        }
      }
      group.set(MEMBERS, members);
    }
    return page;
  }

  @Override
  public FilterSupport filterSupport() {
    return translator;
  }

  @Override
  public boolean canSort(Path attribute) {
    return translator.sorts(attribute);
  }

  @Override
  public int maxPageSize() {
    return pageSize;
  }
}
