package io.scimgateway.spi;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.List;

/**
 * A backend capability: the values a backend accepts for a User's {@code entitlements} and
 * {@code roles}, served read-only at {@code /Entitlements} and {@code /Roles} (the IETF SCIM roles and
 * entitlements draft), and how the backend holds them. Found with {@link Backend#capability(Class)}.
 */
public interface EntitlementCatalog {

  /** The entitlements a user may be given; empty when the backend takes any value. */
  List<CatalogValue> entitlements() throws ScimException;

  /** The roles a user may be given; empty when the backend takes any value. */
  List<CatalogValue> roles() throws ScimException;

  /** Whether SCIM clients may write {@code entitlements}, or only read them. */
  boolean entitlementsWritable();

  /** Whether SCIM clients may write {@code roles}, or only read them. */
  boolean rolesWritable();

  /** Whether the backend keeps {@code roles} at all; when not, the gateway refuses them. */
  default boolean holdsRoles() {
    return true;
  }
}
