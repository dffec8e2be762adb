package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.remote.PlatformCollection;
import io.scimgateway.kit.remote.RecordPage;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.SearchQuery;
import java.util.List;
import java.util.Optional;

/**
 * brainCloud's users as the kit's remote store reads them: a record is a user's profile and export together
 * ({@link UserReads.Platform#record()}), read in one packet; lists are {@link UserSearch}'s, in the order of
 * {@link UserOrder} with keyset windows. Thread-safe.
 */
final class UserCollection implements PlatformCollection {

  private final S2sClient client;
  private final UserReads reads;
  private final UserSearch search;
  private final boolean deleteChildren;
  private final int pageSize;
  private final boolean sortByPlayerName;

  UserCollection(S2sClient client, UserReads reads, UserSearch search, BrainCloudSettings settings) {
    this.client = client;
    this.reads = reads;
    this.search = search;
    this.deleteChildren = settings.deleteChildren();
    this.pageSize = settings.pageSize();
    this.sortByPlayerName = settings.sortByPlayerName();
  }

  @Override
  public Optional<ObjectNode> find(String id) throws ScimException {
    List<UserReads.Platform> found = reads.byIds(List.of(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).record());
  }

  @Override
  public void delete(String id) throws ScimException {
    if (reads.isOwner(id)) {
      return; // never a SCIM User: the gateway's own group owner
    }
    S2sAnswer answer = client.send(List.of(UserCalls.delete(id, deleteChildren))).get(0);
    if (!answer.ok() && !client.errors().notFound(answer)) {
      throw client.errors().of(answer);
    }
  }

  @Override
  public String idOf(ObjectNode record) {
    return record.path("profileId").asText();
  }

  @Override
  public RecordPage list(SearchQuery query) throws ScimException {
    return search.page(query.filter(), query.sorting(), query.window());
  }

  @Override
  public FilterSupport filterSupport() {
    return search.support();
  }

  @Override
  public int maxPageSize() {
    return pageSize;
  }

  /**
   * brainCloud sorts by id and creation time as SCIM does, and by displayName (its playerName, with case) when
   * configured; the gateway sorts by anything else.
   */
  @Override
  public boolean canSort(Path attribute) {
    String key = MongoCriteria.key(attribute);
    return UserOrder.EXACT.contains(key) || (sortByPlayerName && key.equals(UserOrder.PLAYER_NAME));
  }

  /** A total order: keyset windows resume after the last user seen. */
  @Override
  public boolean supportsPositions() {
    return true;
  }
}
