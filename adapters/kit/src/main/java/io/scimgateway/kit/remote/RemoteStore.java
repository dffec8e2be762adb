package io.scimgateway.kit.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.KeyedLocks;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The skeleton of a store whose resources live on a remote platform, with what the platform cannot
 * hold in {@link LocalState}. It owns read, delete, the join of platform records with their local
 * records, one writer per resource ({@link KeyedLocks}), the {@code If-Match} version check and
 * not-found; an adapter supplies the platform calls.
 *
 * <p>How an adapter uses it: give it a {@link PlatformCollection} (read, delete and list the
 * platform's records, and what the platform filters, sorts and pages), extend it (or
 * {@link RemoteGroupStore} for groups) and implement
 * <ul>
 *   <li>{@link #view}: a platform record and its local record as a SCIM resource with a version;</li>
 *   <li>{@link #write}: the platform's part of a replace, returning what local state keeps;</li>
 *   <li>{@link #create}, with {@link #keep} for local state.</li>
 * </ul>
 * The base calls {@link #write} under the resource's lock after the version check, then keeps what
 * it returns and reads the resource again. Subclasses must be thread-safe.
 */
public abstract class RemoteStore implements ResourceStore {

  /** What an adapter keeps of its resources that the platform cannot hold. */
  protected final LocalState local;
  protected final Clock clock;
  private final String resourceType;
  private final PlatformCollection records;
  private final KeyedLocks locks = new KeyedLocks();

  /**
   * @param resourceType the SCIM resource type, {@code User} or {@code Group}: local state's key and
   *     the word errors use
   */
  protected RemoteStore(LocalState local, String resourceType, PlatformCollection records, Clock clock) {
    this.local = local;
    this.resourceType = resourceType;
    this.records = records;
    this.clock = clock;
  }

  /**
   * A platform record and what local state holds for it, as a SCIM resource with its version. An
   * attribute that costs platform calls of its own is read only when {@code needed} includes it; the
   * version must not depend on such an attribute unless meta is needed with it.
   */
  protected abstract StoredResource view(ObjectNode record, Optional<LocalRecord> held,
      NeededAttributes needed) throws ScimException;

  /**
   * Writes a replace to the platform, calling only what changed between {@code current} and
   * {@code after}. Runs under the resource's lock, after the version check.
   *
   * @param after the new SCIM representation, the adapter's to change
   * @return the attributes local state keeps for the resource from now on
   */
  protected abstract ObjectNode write(Current current, ObjectNode after) throws ScimException;

  /** A resource as a write finds it: the platform's record and its SCIM view. */
  public record Current(ObjectNode record, StoredResource resource) {
  }

  @Override
  public final Optional<StoredResource> get(String id) throws ScimException {
    return get(id, NeededAttributes.ALL);
  }

  @Override
  public final Optional<StoredResource> get(String id, NeededAttributes needed) throws ScimException {
    Optional<ObjectNode> record = records.find(id, needed);
    return record.isEmpty() ? Optional.empty()
        : Optional.of(view(record.get(), local.get(resourceType, id), needed));
  }

  @Override
  public final StoredResource replace(ResourceChange change) throws ScimException {
    String id = change.id();
    return locks.with(id, () -> {
      Current current = current(id);
      requireVersion(current.resource(), change.before().version());
      requireFreeUserName(id, change.after());
      ObjectNode kept = write(current, change.after().deepCopy());
      LocalWritePause.before("replace", kept);
      put(id, kept);
      return stored(id);
    });
  }

  @Override
  public final void delete(String id, String expectedVersion) throws ScimException {
    locks.run(id, () -> {
      if (expectedVersion != null) {
        requireVersion(stored(id), expectedVersion);
      }
      records.delete(id);
      local.delete(resourceType, id);
    });
  }

  @Override
  public final SearchPage search(SearchQuery query) throws ScimException {
    RecordPage page = records.list(query);
    return new SearchPage(joined(page.records(), query.needed()), page.total(), page.positions());
  }

  @Override
  public final FilterSupport filterSupport() {
    return records.filterSupport();
  }

  @Override
  public final boolean canSort(Path attribute) {
    return records.canSort(attribute);
  }

  @Override
  public final boolean supportsPositions() {
    return records.supportsPositions();
  }

  @Override
  public final int maxPageSize() {
    return records.maxPageSize();
  }

  /** Runs a write of several platform calls under the resource's lock. */
  protected final <T> T locked(String id, KeyedLocks.Work<T> work) throws ScimException {
    return locks.with(id, work);
  }

  /** The resource as it is now, or 404. */
  protected final Current current(String id) throws ScimException {
    ObjectNode record = records.find(id).orElseThrow(() -> notFound(id));
    return new Current(record, view(record, local.get(resourceType, id), NeededAttributes.ALL));
  }

  /**
   * The resource as stored now, or 404: what a write answers. Like a read that names no attributes,
   * it skips those returned on request, so the write's version is the one such a read gives.
   */
  protected final StoredResource stored(String id) throws ScimException {
    return get(id, answered()).orElseThrow(() -> notFound(id));
  }

  /** What a write's answer reads: all but the attributes returned on request. */
  protected final NeededAttributes answered() {
    return NeededAttributes.allBut(returnedOnRequest());
  }

  /**
   * Top-level attributes this store reads with platform calls of their own (a user's {@code groups},
   * say), which the gateway therefore returns only when a request names them; none by default.
   */
  protected Set<String> returnedOnRequest() {
    return Set.of();
  }

  /** Platform records joined with their local records in one local read. */
  private List<StoredResource> joined(List<ObjectNode> page, NeededAttributes needed)
      throws ScimException {
    Map<String, LocalRecord> held = local.getAll(resourceType,
        page.stream().map(this::idOf).toList());
    List<StoredResource> resources = new ArrayList<>();
    for (ObjectNode record : page) {
      resources.add(view(record, Optional.ofNullable(held.get(idOf(record))), needed));
    }
    return resources;
  }

  /** The platform's id in one of its records. */
  protected final String idOf(ObjectNode record) {
    return records.idOf(record);
  }

  /**
   * Keeps a created resource's local attributes, after its platform calls.
   *
   * @throws ResourceConflictException if another resource took the same {@code userName} meanwhile
   */
  protected final LocalRecord keep(String id, ObjectNode attributes) throws ScimException {
    LocalWritePause.before("create", attributes);
    return put(id, attributes);
  }

  /** Keeps a resource's local attributes in place of those kept before. */
  private LocalRecord put(String id, ObjectNode attributes) throws ScimException {
    try {
      return local.put(resourceType, id, attributes, clock.instant());
    } catch (LocalState.UserNameTaken e) {
      throw userNameTaken(attributes);
    }
  }

  /**
   * Refuses ({@code 409 uniqueness}) a {@code userName} that another resource of this type holds in
   * local state, without regard to case; a record whose resource the platform no longer has (deleted
   * there) is forgotten instead. Called before a replace writes; a create calls it before its first
   * platform call.
   *
   * @param id the resource being written, or null for a create
   */
  protected final void requireFreeUserName(String id, ObjectNode attributes) throws ScimException {
    if (!attributes.path("userName").isTextual()) {
      return;
    }
    for (String holder : local.idsWithUserName(resourceType, attributes.get("userName").asText())) {
      if (holder.equals(id)) {
        continue;
      }
      if (records.find(holder).isPresent()) {
        throw userNameTaken(attributes);
      }
      local.delete(resourceType, holder);
    }
  }

  private ResourceConflictException userNameTaken(ObjectNode attributes) {
    return ResourceConflictException.uniqueness("Another " + noun() + " has the userName "
        + attributes.path("userName").asText() + " (userNames are compared without regard to case).");
  }

  protected final ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("No " + noun() + " has the id " + id + ".");
  }

  /** Refuses a write when the resource is no longer at the version the client read (If-Match). */
  protected final void requireVersion(StoredResource current, String expectedVersion)
      throws PreconditionFailedException {
    if (expectedVersion != null && !StoredResource.versionBase(current.version())
        .equals(StoredResource.versionBase(expectedVersion))) {
      throw new PreconditionFailedException("The " + noun() + " changed since it was read; read it "
          + "again.");
    }
  }

  private String noun() {
    return resourceType.toLowerCase(Locale.ROOT);
  }
}
