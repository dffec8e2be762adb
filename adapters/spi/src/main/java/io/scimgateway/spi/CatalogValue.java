package io.scimgateway.spi;

import java.util.Objects;

/**
 * One value of an {@link EntitlementCatalog}.
 *
 * @param value the value as a User's {@code entitlements.value} or {@code roles.value} carries it
 * @param display a human-readable name, or null
 * @param type a label for the value's kind (what the platform calls it), or null
 * @param description what holding it grants, or null
 */
public record CatalogValue(String value, String display, String type, String description) {
  public CatalogValue {
    Objects.requireNonNull(value, "value");
  }
}
