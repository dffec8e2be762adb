package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.KeyedLocks;
import io.scimgateway.spi.AttributeMutability;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.kit.local.LocalState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * SCIM Users on brainCloud's User service. brainCloud holds the login id (userName), the player name (displayName, at
 * create) and the contact email; local state holds the rest of what the client wrote, including values brainCloud
 * has no call to change. A userName change of an Email user is {@code SYS_CHANGE_EMAIL_IDENTITY}; passwords are
 * the create's, or {@code SYS_SET_PASSWORD_UNIVERSAL_ID} for Universal users; {@code active=false} is kept locally
 * and ends the user's sessions, since brainCloud has no such flag. Thread-safe.
 */
final class BrainCloudUserStore implements ResourceStore {

  private final S2sClient client;
  private final LocalState local;
  private final UserReads reads;
  private final UserSearch search;
  private final UserWrites writes;
  private final BrainCloudPasswords passwords;
  private final int pageSize;
  /** What brainCloud cannot change after creation: a Universal login id, an Email user's password. */
  private final AttributeMutability mutability;
  private final KeyedLocks locks = new KeyedLocks();

  BrainCloudUserStore(S2sClient client, LocalState local, UserReads reads, BrainCloudSettings settings,
      Clock clock) {
    this.client = client;
    this.local = local;
    this.reads = reads;
    this.pageSize = settings.pageSize();
    Map<String, String> immutable = Map.of(settings.identityType() == BrainCloudSettings.IdentityType.EMAIL
        ? "password" : "userName", "immutable");
    this.mutability = () -> immutable;
    this.search = new UserSearch(client, reads, settings);
    this.writes = new UserWrites(client, local, settings, search::byUserName, clock);
    this.passwords = new BrainCloudPasswords(client, reads);
  }

  @Override
  public Optional<StoredResource> get(String id) throws ScimException {
    return read(id).map(user -> reads.views(List.of(user)).get(0));
  }

  private Optional<UserReads.Platform> read(String id) throws ScimException {
    List<UserReads.Platform> found = reads.byIds(List.of(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    String id = writes.create(attributes);
    return get(id).orElseThrow(() -> new ScimException(502, null, "brainCloud created the user " + id
        + " but does not find it. Read it again before creating it anew."));
  }

  @Override
  public StoredResource replace(ResourceChange change) throws ScimException {
    String id = change.id();
    return locks.with(id, () -> {
      UserReads.Platform user = read(id).orElseThrow(() -> notFound(id));
      StoredResource current = reads.views(List.of(user)).get(0);
      requireVersion(current, change.before().version());
      writes.replace(user, current.attributes(), change.after());
      return get(id).orElseThrow(() -> notFound(id));
    });
  }

  @Override
  public void delete(String id, String expectedVersion) throws ScimException {
    locks.run(id, () -> {
      if (expectedVersion != null) {
        requireVersion(get(id).orElseThrow(() -> notFound(id)), expectedVersion);
      }
      if (reads.isOwner(id)) {
        throw notFound(id);
      }
      S2sAnswer answer = client.send(List.of(UserCalls.delete(id, writes.deleteChildren()))).get(0);
      if (client.errors().notFound(answer)) {
        throw notFound(id);
      }
      if (!answer.ok()) {
        throw client.errors().of(answer);
      }
      local.delete(UserReads.RESOURCE_TYPE, id);
    });
  }

  @Override
  public SearchPage search(SearchQuery query) throws ScimException {
    return search.page(query.filter(), query.sorting(), query.window());
  }

  /** profileId order: keyset windows resume after the last user seen. */
  @Override
  public boolean supportsPositions() {
    return true;
  }

  /** By id, brainCloud sorts ({@code sortCriteria} on profileId); the gateway sorts by anything else. */
  @Override
  public boolean canSort(com.unboundid.scim2.common.Path attribute) {
    return MongoCriteria.key(attribute).equals("id");
  }

  @Override
  public FilterSupport filterSupport() {
    return search.support();
  }

  @Override
  public int maxPageSize() {
    return pageSize;
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    if (type == PasswordManagement.class) {
      return Optional.of(type.cast(passwords));
    }
    return type == AttributeMutability.class ? Optional.of(type.cast(mutability)) : Optional.empty();
  }

  private static void requireVersion(StoredResource current, String expected) throws PreconditionFailedException {
    if (expected != null && !current.version().equals(expected)) {
      throw new PreconditionFailedException("The user changed since it was read; read it again.");
    }
  }

  static ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("No user has the id " + id + ".");
  }
}
