package io.scimgateway.gateway.core.catalog;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.CatalogValue;
import io.scimgateway.spi.EntitlementCatalog;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The two lists of an {@link EntitlementCatalog}, each a User attribute and a read-only resource type
 * of draft-ietf-scim-roles-entitlements: {@code entitlements} at {@code /Entitlements}, {@code roles}
 * at {@code /Roles}.
 */
public enum CatalogKind {
  ENTITLEMENTS("Entitlements", "Entitlement", "entitlements"),
  ROLES("Roles", "Role", "roles");

  private final String endpoint;
  private final String resourceTypeId;
  private final String attribute;

  CatalogKind(String endpoint, String resourceTypeId, String attribute) {
    this.endpoint = endpoint;
    this.resourceTypeId = resourceTypeId;
    this.attribute = attribute;
  }

  /** The endpoint without its slash, {@code Entitlements}. */
  public String endpoint() {
    return endpoint;
  }

  /** The resource type's id in the schema registry, {@code Entitlement}. */
  public String resourceTypeId() {
    return resourceTypeId;
  }

  /** The User attribute the values are for, {@code entitlements}. */
  public String attribute() {
    return attribute;
  }

  public static Optional<CatalogKind> byEndpoint(String endpoint) {
    return Arrays.stream(values()).filter(kind -> kind.endpoint.equals(endpoint)).findFirst();
  }

  /** Whether a backend with this catalog serves this list: roles only where it keeps roles. */
  public boolean servedBy(EntitlementCatalog catalog) {
    return this == ENTITLEMENTS || catalog.holdsRoles();
  }

  public boolean writableIn(EntitlementCatalog catalog) {
    return this == ENTITLEMENTS ? catalog.entitlementsWritable() : catalog.rolesWritable();
  }

  public List<CatalogValue> valuesOf(EntitlementCatalog catalog) throws ScimException {
    return this == ENTITLEMENTS ? catalog.entitlements() : catalog.roles();
  }
}
