package io.scimgateway.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.Optional;

/**
 * The resources of one SCIM resource type in one backend.
 *
 * <p>The core has already done the SCIM work before a store is called: schema checks, read-only
 * attributes removed, PATCH applied, preconditions read. A store persists and finds. Failures it can
 * name are SCIM exceptions from the SDK: {@code ResourceConflictException.uniqueness} for a duplicate
 * unique attribute, {@code BadRequestException.invalidValue} for a value the backend refuses (a member
 * that does not exist), {@code ResourceNotFoundException} for an unknown id,
 * {@code PreconditionFailedException} when a conditional write lost a race.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ResourceStore {

  /** The resource with this id, or empty. */
  Optional<StoredResource> get(String id) throws ScimException;

  /**
   * The resource with this id, or empty, where the caller uses only the {@code needed} attributes;
   * a store may then skip what costs it extra to read. The default reads it whole.
   */
  default Optional<StoredResource> get(String id, NeededAttributes needed) throws ScimException {
    return get(id);
  }

  /** Creates a resource from its SCIM representation (no id, no meta) and returns it as stored. */
  StoredResource create(ObjectNode attributes) throws ScimException;

  /** Replaces a resource, if its stored version is still {@code change.before().version()}. */
  StoredResource replace(ResourceChange change) throws ScimException;

  /**
   * Deletes a resource and every membership that names it, if its stored version is still
   * {@code expectedVersion} (or unconditionally when that is null).
   */
  void delete(String id, String expectedVersion) throws ScimException;

  /**
   * One page of the resources that match {@code query.filter()}, evaluated exactly, in the order and
   * window the query asks for.
   */
  SearchPage search(SearchQuery query) throws ScimException;

  /** An optional ability of this store, such as {@link GroupMembership}; empty when it has none. */
  default <C> Optional<C> capability(Class<C> type) {
    return Optional.empty();
  }

  /**
   * Whether this store can order results by {@code attribute} (a singular attribute, normalised
   * against the schemas). The default sorts nothing; the gateway then refuses the sort.
   */
  default boolean canSort(com.unboundid.scim2.common.Path attribute) {
    return false;
  }

  /**
   * Whether this store answers {@link PageWindow.After} and {@link PageWindow.Before} windows with
   * positions. Without them the gateway's cursors carry offsets, which can skip or repeat a resource
   * when others are created or deleted between pages.
   */
  default boolean supportsPositions() {
    return false;
  }

  /**
   * The most resources this store returns for one search, as a platform's page limit. The gateway
   * splits larger windows into several searches and never asks one for more than this.
   */
  default int maxPageSize() {
    return Integer.MAX_VALUE;
  }

  /**
   * Which filters this store evaluates itself; the core evaluates the rest. The default evaluates none,
   * so the core scans and filters every resource.
   */
  default FilterSupport filterSupport() {
    return FilterSupport.NONE;
  }
}
