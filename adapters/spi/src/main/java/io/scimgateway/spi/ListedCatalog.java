package io.scimgateway.spi;

import java.util.List;

/**
 * An {@link EntitlementCatalog} of fixed lists, as a backend's configuration gives them: both
 * writable, and an empty list accepts any value. Immutable and thread-safe.
 */
public record ListedCatalog(List<CatalogValue> entitlements, List<CatalogValue> roles)
    implements EntitlementCatalog {

  public ListedCatalog {
    entitlements = List.copyOf(entitlements);
    roles = List.copyOf(roles);
  }

  @Override
  public boolean entitlementsWritable() {
    return true;
  }

  @Override
  public boolean rolesWritable() {
    return true;
  }
}
