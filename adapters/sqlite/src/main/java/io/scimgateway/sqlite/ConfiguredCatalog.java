package io.scimgateway.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.spi.CatalogValue;
import io.scimgateway.spi.ListedCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The embedded store's entitlements and roles, as the {@code backend:} section lists them under
 * {@code entitlements:} and {@code roles:}, each a list of {@code {value, display, type,
 * description}}. Both are writable; an empty list accepts any value. Immutable and thread-safe.
 */
final class ConfiguredCatalog {

  private static final Set<String> KEYS = Set.of("value", "display", "type", "description");

  private ConfiguredCatalog() {
  }

  /** @throws IllegalArgumentException naming the setting to fix */
  static ListedCatalog from(ObjectNode settings) {
    return new ListedCatalog(values(settings, "entitlements"), values(settings, "roles"));
  }

  private static List<CatalogValue> values(ObjectNode settings, String name) {
    JsonNode list = settings.get(name);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new IllegalArgumentException("backend." + name + " must be a list of {value, display, "
          + "type, description}");
    }
    List<CatalogValue> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      CatalogValue value = value(list.get(i), "backend." + name + "[" + i + "]");
      if (!seen.add(value.value())) {
        throw new IllegalArgumentException("backend." + name + " lists the value \"" + value.value()
            + "\" twice");
      }
      values.add(value);
    }
    return values;
  }

  private static CatalogValue value(JsonNode entry, String where) {
    if (!entry.isObject() || !entry.path("value").isTextual() || entry.get("value").asText().isBlank()) {
      throw new IllegalArgumentException(where + " needs a non-empty \"value\"");
    }
    for (Iterator<String> keys = entry.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(where + " has the unknown key \"" + key
            + "\"; the keys are value, display, type and description");
      }
    }
    return new CatalogValue(entry.get("value").asText(), text(entry, "display"),
        text(entry, "type"), text(entry, "description"));
  }

  private static String text(JsonNode entry, String key) {
    JsonNode value = entry.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }
}
