package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.kit.remote.PlatformCollection;
import io.scimgateway.kit.remote.RecordPage;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * brainCloud's groups of the configured type as the kit's remote store reads them: a record is the group document
 * with {@code members} as {@code SYS_READ_GROUP_MEMBERS} lists them (names included); any number of groups by id is
 * one packet. Lists are {@code SYS_LIST_GROUPS_PAGE} with the criteria {@link GroupCriteria} makes, then one packet
 * of reads. A delete names the version it read. Thread-safe.
 */
final class GroupCollection implements PlatformCollection {

  static final String RESOURCE_TYPE = "Group";

  private final S2sClient client;
  private final BrainCloudSettings.Groups groups;
  private final GroupCriteria criteria = new GroupCriteria();
  private final int pageSize;

  GroupCollection(S2sClient client, BrainCloudSettings settings) {
    this.client = client;
    this.groups = settings.groups();
    this.pageSize = settings.pageSize();
  }

  /** The groups of the configured type with these ids that exist: one packet, two messages each. */
  List<ObjectNode> byIds(List<String> ids) throws ScimException {
    List<String> wanted = ids.stream().distinct().toList();
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<S2sMessage> messages = new ArrayList<>();
    wanted.forEach(id -> messages.addAll(List.of(GroupCalls.read(id), GroupCalls.members(id))));
    List<S2sAnswer> answers = client.send(messages);
    List<ObjectNode> found = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      S2sAnswer document = answers.get(2 * i);
      S2sAnswer members = answers.get(2 * i + 1);
      if (client.errors().notFound(document) || client.errors().notFound(members)) {
        continue;
      }
      for (S2sAnswer answer : List.of(document, members)) {
        if (!answer.ok()) {
          throw client.errors().of(answer);
        }
      }
      if (document.data().path("groupType").asText().equals(groups.groupType())) {
        ObjectNode record = document.data().deepCopy();
        record.set("members", members.data());
        found.add(record);
      }
    }
    return found;
  }

  @Override
  public Optional<ObjectNode> find(String id) throws ScimException {
    List<ObjectNode> found = byIds(List.of(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public void delete(String id) throws ScimException {
    Optional<ObjectNode> group = find(id);
    if (group.isPresent()) {
      client.call(GroupCalls.delete(id, group.get().path("version").asLong()));
    }
  }

  @Override
  public String idOf(ObjectNode record) {
    return record.path("groupId").asText();
  }

  @Override
  public RecordPage list(SearchQuery query) throws ScimException {
    PageWindow.Offset window = (PageWindow.Offset) query.window();
    Filter filter = query.filter();
    if (filter != null && filter.getFilterType() == FilterType.EQUAL
        && MongoCriteria.key(filter.getAttributePath()).equals("id")) {
      List<ObjectNode> found = byIds(List.of(filter.getComparisonValue().asText()));
      return new RecordPage(window.offset() > 0 ? List.of() : found.subList(0, Math.min(window.limit(),
          found.size())), found.size());
    }
    ObjectNode both = MongoCriteria.JSON.objectNode();
    both.putArray("$and").add(criteria.criteria(filter)).addObject().put("groupType", groups.groupType());
    PagedQuery.Window page = PagedQuery.GROUPS.fetch(client, both, null, window.offset(), window.limit());
    return new RecordPage(byIds(page.items().stream().map(item -> item.path("groupId").asText()).toList()),
        page.total());
  }

  @Override
  public FilterSupport filterSupport() {
    return criteria;
  }

  @Override
  public int maxPageSize() {
    return pageSize;
  }
}
