package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.gateway.core.WriteKind;
import io.scimgateway.gateway.core.catalog.CatalogKind;
import io.scimgateway.spi.CatalogValue;
import io.scimgateway.spi.EntitlementCatalog;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a backend's {@link EntitlementCatalog} says about the {@code entitlements} and {@code roles} of
 * a write. Read-only ones may be sent back unchanged but not changed ({@code 400 mutability}), and the
 * store never gets them. Values a write adds to writable ones must be in the catalog, where it lists
 * any ({@code 400 invalidValue}); values already held pass, so a value dropped from the catalog does
 * not block unrelated updates. Roles a backend does not keep are refused. Without the capability,
 * every value passes. Thread-safe.
 */
public final class EntitlementRules {

  private final Optional<EntitlementCatalog> catalog;

  public EntitlementRules(Optional<EntitlementCatalog> catalog) {
    this.catalog = catalog;
  }

  /** Checks {@code after} against {@code current} (null for a create), removing what the store must not get. */
  public void apply(ObjectNode after, ObjectNode current, WriteKind kind) throws ScimException {
    if (catalog.isPresent()) {
      for (CatalogKind list : CatalogKind.values()) {
        apply(list, catalog.get(), after, current, kind);
      }
    }
  }

  private static void apply(CatalogKind list, EntitlementCatalog catalog, ObjectNode after,
      ObjectNode current, WriteKind kind) throws ScimException {
    String name = list.attribute();
    Set<String> now = values(after.get(name));
    Set<String> before = current == null ? Set.of() : values(current.get(name));
    if (!list.servedBy(catalog)) {
      if (!now.isEmpty()) {
        throw BadRequestException.invalidValue("This backend does not keep " + name + "; leave "
            + name + " out of the request.");
      }
      after.remove(name);
    } else if (!list.writableIn(catalog)) {
      boolean leftOut = kind == WriteKind.REPLACE && !after.has(name);
      if (!leftOut && !now.equals(before)) {
        throw BadRequestException.mutability(name + " are read-only on this backend, which assigns "
            + "them itself; send them unchanged or leave them out. GET /" + list.endpoint()
            + " lists them.");
      }
      after.remove(name);
    } else {
      now.removeAll(before);
      requireInCatalog(list, catalog, now);
    }
  }

  private static void requireInCatalog(CatalogKind list, EntitlementCatalog catalog,
      Set<String> added) throws ScimException {
    if (added.isEmpty()) {
      return;
    }
    Set<String> accepted = new LinkedHashSet<>();
    for (CatalogValue value : list.valuesOf(catalog)) {
      accepted.add(value.value());
    }
    for (String value : added) {
      if (!accepted.isEmpty() && !accepted.contains(value)) {
        throw BadRequestException.invalidValue(list.attribute() + " value \"" + value
            + "\" is not one this backend accepts; GET /" + list.endpoint()
            + " lists those it does.");
      }
    }
  }

  /** The {@code value}s of a multi-valued attribute; none when it is absent. */
  private static Set<String> values(JsonNode attribute) {
    Set<String> values = new LinkedHashSet<>();
    if (attribute != null) {
      attribute.forEach(element -> {
        if (element.hasNonNull("value")) {
          values.add(element.get("value").asText());
        }
      });
    }
    return values;
  }
}
