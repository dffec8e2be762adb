package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.kit.remote.RemoteStore;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.AttributeMutability;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.StoredResource;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * SCIM Users on brainCloud's User service, on the kit's remote store. brainCloud holds the login id (userName), the
 * player name (displayName, at create) and the contact email; local state holds the rest of what the client wrote,
 * including values brainCloud has no call to change. A userName change of an Email user is
 * {@code SYS_CHANGE_EMAIL_IDENTITY}; passwords are the create's, or {@code SYS_SET_PASSWORD_UNIVERSAL_ID} for
 * Universal users; {@code active=false} is kept locally and ends the user's sessions, since brainCloud has no such
 * flag. Thread-safe.
 */
final class BrainCloudUserStore extends RemoteStore {

  private final UserReads reads;
  private final UserWrites writes;
  private final BrainCloudGroupStore groups;
  private final BrainCloudPasswords passwords;
  /**
   * What brainCloud cannot change after creation (a Universal or External login id, an Email user's password) or
   * hold at all (an External user's password).
   */
  private final AttributeMutability mutability;

  BrainCloudUserStore(S2sClient client, LocalState local, UserReads reads, BrainCloudGroupStore groups,
      BrainCloudSettings settings, Clock clock) {
    this(client, local, reads, new UserSearch(client, reads, settings), groups, settings, clock);
  }

  private BrainCloudUserStore(S2sClient client, LocalState local, UserReads reads, UserSearch search,
      BrainCloudGroupStore groups, BrainCloudSettings settings, Clock clock) {
    super(local, UserReads.RESOURCE_TYPE, new UserCollection(client, reads, search, settings), clock);
    this.reads = reads;
    this.groups = groups;
    this.writes = new UserWrites(client, settings, search::byUserName);
    this.passwords = new BrainCloudPasswords(client, reads);
    Map<String, String> strict = switch (settings.identityType()) {
      case EMAIL -> Map.of("password", "immutable");
      case UNIVERSAL -> Map.of("userName", "immutable");
      case EXTERNAL -> Map.of("userName", "immutable", "password", "readOnly");
    };
    this.mutability = () -> strict;
  }

  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    UserWrites.Created created = writes.create(attributes);
    keep(created.profileId(), created.local());
    return stored(created.profileId());
  }

  @Override
  protected ObjectNode write(Current current, ObjectNode after) throws ScimException {
    return writes.replace(UserReads.Platform.of(current.record()), current.resource().attributes(), after);
  }

  @Override
  protected StoredResource view(ObjectNode record, Optional<LocalRecord> held, NeededAttributes needed)
      throws ScimException {
    UserReads.Platform user = UserReads.Platform.of(record);
    ArrayNode memberships = needed.includes("groups") ? reads.directGroups(user) : null;
    if (groups != null && memberships != null) {
      groups.withIndirect(memberships);
    }
    return UserView.of(user.profileId(), user.profile(), user.export(), reads.indexed(user, held), memberships);
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    if (type == PasswordManagement.class) {
      return Optional.of(type.cast(passwords));
    }
    return type == AttributeMutability.class ? Optional.of(type.cast(mutability)) : Optional.empty();
  }
}
