package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.kit.KeyedLocks;
import io.scimgateway.kit.MemberDiff;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.kit.local.LocalGroupNesting;
import io.scimgateway.kit.local.LocalState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SCIM Groups on brainCloud groups of one type, created with the configured owner profile (brainCloud requires an
 * owner; it is not a SCIM member). Users are brainCloud members; groups nested in groups live in local state, as
 * does what else the client wrote. Member changes of one write go in one packet; a delete names the version read.
 * Thread-safe.
 */
final class BrainCloudGroupStore implements ResourceStore {

  private final S2sClient client;
  private final LocalState local;
  private final GroupReads reads;
  private final UserReads users;
  private final BrainCloudSettings.Groups groups;
  private final GroupCriteria criteria = new GroupCriteria();
  private final int pageSize;
  private final Clock clock;
  private final KeyedLocks locks = new KeyedLocks();

  BrainCloudGroupStore(S2sClient client, LocalState local, GroupReads reads, UserReads users,
      BrainCloudSettings settings, Clock clock) {
    this.client = client;
    this.local = local;
    this.reads = reads;
    this.users = users;
    this.groups = settings.groups();
    this.pageSize = settings.pageSize();
    this.clock = clock;
  }

  @Override
  public Optional<StoredResource> get(String id) throws ScimException {
    return reads.byId(id).map(group -> reads.views(List.of(group)).get(0));
  }

  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    ObjectNode scim = attributes.deepCopy();
    Members members = members(scim.remove("members"));
    String name = scim.path("displayName").asText("");
    if (name.isBlank()) {
      throw BadRequestException.invalidValue("A brainCloud group needs a displayName, its name.");
    }
    JsonNode document = client.call(GroupCalls.create(groups, name));
    String id = document.path("groupId").asText();
    try {
      client.callAll(members.users().stream().map(user -> GroupCalls.add(id, user)).toList());
    } catch (ScimException e) {
      client.call(GroupCalls.delete(id, reads.byId(id).map(GroupReads.Platform::version).orElse(1L)));
      throw e;
    }
    local.put(GroupReads.RESOURCE_TYPE, id, LocalGroupNesting.withNested(scim, members.groups()), clock.instant());
    return get(id).orElseThrow(() -> notFound(id));
  }

  @Override
  public StoredResource replace(ResourceChange change) throws ScimException {
    String id = change.id();
    return locks.with(id, () -> {
      GroupReads.Platform group = reads.byId(id).orElseThrow(() -> notFound(id));
      StoredResource current = reads.views(List.of(group)).get(0);
      requireVersion(current, change.before().version());
      ObjectNode scim = change.after().deepCopy();
      Members members = members(scim.remove("members"));
      MemberDiff diff = MemberDiff.between(group.profiles(), members.users());
      List<S2sMessage> calls = new ArrayList<>();
      String name = scim.path("displayName").asText("");
      if (!name.isBlank() && !name.equals(group.document().path("name").asText())) {
        calls.add(GroupCalls.rename(id, name));
      }
      diff.add().forEach(user -> calls.add(GroupCalls.add(id, user)));
      diff.remove().forEach(user -> calls.add(GroupCalls.remove(id, user)));
      client.callAll(calls);
      local.put(GroupReads.RESOURCE_TYPE, id, LocalGroupNesting.withNested(scim, members.groups()), clock.instant());
      return get(id).orElseThrow(() -> notFound(id));
    });
  }

  @Override
  public void delete(String id, String expectedVersion) throws ScimException {
    locks.run(id, () -> {
      GroupReads.Platform group = reads.byId(id).orElseThrow(() -> notFound(id));
      if (expectedVersion != null) {
        requireVersion(reads.views(List.of(group)).get(0), expectedVersion);
      }
      client.call(GroupCalls.delete(id, group.version()));
      local.delete(GroupReads.RESOURCE_TYPE, id);
    });
  }

  @Override
  public SearchPage search(SearchQuery query) throws ScimException {
    PageWindow.Offset window = (PageWindow.Offset) query.window();
    Filter filter = query.filter();
    if (filter != null && filter.getFilterType() == FilterType.EQUAL
        && MongoCriteria.key(filter.getAttributePath()).equals("id")) {
      List<StoredResource> found = reads.views(reads.byIds(List.of(filter.getComparisonValue().asText())));
      return new SearchPage(window.offset() > 0 ? List.of() : found.subList(0, Math.min(window.limit(),
          found.size())), found.size());
    }
    ObjectNode both = MongoCriteria.JSON.objectNode();
    both.putArray("$and").add(criteria.criteria(filter)).addObject().put("groupType", groups.groupType());
    PagedQuery.Window page = PagedQuery.GROUPS.fetch(client, both, null, window.offset(), window.limit());
    List<String> ids = page.items().stream().map(item -> item.path("groupId").asText()).toList();
    return new SearchPage(reads.views(reads.byIds(ids)), page.total());
  }

  @Override
  public FilterSupport filterSupport() {
    return criteria;
  }

  @Override
  public int maxPageSize() {
    return pageSize;
  }

  /** The members a client sent, split into users and groups; one that names neither is 400 invalidValue. */
  private record Members(List<String> users, List<String> groups) {
  }

  private Members members(JsonNode members) throws ScimException {
    List<String> values = new ArrayList<>();
    if (members != null) {
      members.forEach(member -> values.add(member.path("value").asText()));
    }
    List<String> nested = values.stream().filter(id -> local.get(GroupReads.RESOURCE_TYPE, id).isPresent())
        .distinct().toList();
    List<String> candidates = values.stream().filter(id -> !nested.contains(id)).distinct().toList();
    List<String> found = users.byIds(candidates).stream().map(UserReads.Platform::profileId).toList();
    for (String id : candidates) {
      if (!found.contains(id)) {
        throw BadRequestException.invalidValue("The member " + id + " names no user or group.");
      }
    }
    return new Members(found, nested);
  }

  private static void requireVersion(StoredResource current, String expected) throws PreconditionFailedException {
    if (expected != null && !current.version().equals(expected)) {
      throw new PreconditionFailedException("The group changed since it was read; read it again.");
    }
  }

  private static ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("No group has the id " + id + ".");
  }
}
