package io.scimgateway.kit.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.local.PendingWrite.Operation;
import io.scimgateway.kit.local.PendingWrites;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.GroupMembership;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import java.time.Instant;
import java.util.Optional;

/**
 * A remote store whose writes leave a note in {@link PendingWrites} for as long as they run, so that
 * a crash between a write's platform calls and its local-state write is found at the next start
 * ({@link InterruptedWrites}). Reads pass straight through. Thread-safe if the store is.
 */
record JournaledStore(ResourceStore store, String resourceType, PendingWrites notes)
    implements ResourceStore {

  /** One write of the store, noted while it runs. */
  @FunctionalInterface
  private interface Write<T> {
    T run() throws ScimException;
  }

  private <T> T noted(Operation operation, String id, ObjectNode attributes, Write<T> write)
      throws ScimException {
    long note = notes.begin(resourceType, operation, id, withoutPassword(attributes), Instant.now());
    try {
      return write.run();
    } finally {
      // Finished or refused as a whole: either way the client hears of it, and there is nothing to repair.
      notes.finish(note);
    }
  }

  /** A password is never written to disk in clear; a repair leaves the password as the platform has it. */
  private static ObjectNode withoutPassword(ObjectNode attributes) {
    if (attributes == null || !attributes.has("password")) {
      return attributes;
    }
    ObjectNode copy = attributes.deepCopy();
    copy.remove("password");
    return copy;
  }

  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    return noted(Operation.CREATE, null, attributes, () -> store.create(attributes));
  }

  @Override
  public StoredResource replace(ResourceChange change) throws ScimException {
    return noted(Operation.REPLACE, change.id(), change.after(), () -> store.replace(change));
  }

  @Override
  public void delete(String id, String expectedVersion) throws ScimException {
    noted(Operation.DELETE, id, null, () -> {
      store.delete(id, expectedVersion);
      return null;
    });
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    Optional<C> capability = store.capability(type);
    if (type != GroupMembership.class || capability.isEmpty()) {
      return capability;
    }
    GroupMembership membership = (GroupMembership) capability.get();
    GroupMembership journaled = (groupId, add, remove, expectedVersion) -> noted(Operation.MEMBERS,
        groupId, InterruptedWrites.memberChange(add, remove),
        () -> membership.changeMembers(groupId, add, remove, expectedVersion));
    return Optional.of(type.cast(journaled));
  }

  @Override
  public Optional<StoredResource> get(String id) throws ScimException {
    return store.get(id);
  }

  @Override
  public Optional<StoredResource> get(String id, NeededAttributes needed) throws ScimException {
    return store.get(id, needed);
  }

  @Override
  public SearchPage search(SearchQuery query) throws ScimException {
    return store.search(query);
  }

  @Override
  public boolean canSort(Path attribute) {
    return store.canSort(attribute);
  }

  @Override
  public boolean supportsPositions() {
    return store.supportsPositions();
  }

  @Override
  public int maxPageSize() {
    return store.maxPageSize();
  }

  @Override
  public FilterSupport filterSupport() {
    return store.filterSupport();
  }
}
