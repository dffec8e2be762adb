package io.scimgateway.kit.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchQuery;
import java.util.Optional;

/**
 * One kind of record on a platform ({@code /users}, {@code /groups}): read one, delete one, and list
 * a page with the filters, orders and windows the platform evaluates itself. A {@link RemoteStore}
 * reads, deletes and searches through it, and declares to the gateway what it declares; the gateway
 * evaluates, sorts and pages the rest.
 */
public interface PlatformCollection {

  /** The record with this id, or empty when the platform has none. */
  Optional<ObjectNode> find(String id) throws ScimException;

  /**
   * The record with this id for a read that uses only {@code needed}: a collection that reads related
   * records with it (a user's groups) skips those not needed. The default reads it whole.
   */
  default Optional<ObjectNode> find(String id, NeededAttributes needed) throws ScimException {
    return find(id);
  }

  /** Deletes the record; one already gone (a retried delete) is no error. */
  void delete(String id) throws ScimException;

  /** The platform's id in one of its records. */
  String idOf(ObjectNode record);

  /** One page of records for a query the declarations below allow. */
  RecordPage list(SearchQuery query) throws ScimException;

  /** See {@link ResourceStore#filterSupport()}. */
  FilterSupport filterSupport();

  /** See {@link ResourceStore#maxPageSize()}. */
  int maxPageSize();

  /** See {@link ResourceStore#canSort(Path)}; none by default. */
  default boolean canSort(Path attribute) {
    return false;
  }

  /** See {@link ResourceStore#supportsPositions()}; offsets only by default. */
  default boolean supportsPositions() {
    return false;
  }
}
