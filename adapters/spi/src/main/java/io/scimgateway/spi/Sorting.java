package io.scimgateway.spi;

import com.unboundid.scim2.common.Path;

/**
 * The order a client asked for with {@code sortBy} and {@code sortOrder} (RFC 7644 section 3.4.2.3).
 * Resources without a value for the attribute come last when ascending and first when descending;
 * resources with equal values keep the store's stable order.
 *
 * @param attribute a singular attribute, normalised against the resource type's schemas
 * @param descending true for {@code sortOrder=descending}
 */
public record Sorting(Path attribute, boolean descending) {

  public Sorting {
    if (attribute == null) {
      throw new IllegalArgumentException("a sort needs an attribute");
    }
  }
}
