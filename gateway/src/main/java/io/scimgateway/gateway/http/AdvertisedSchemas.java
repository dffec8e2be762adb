package io.scimgateway.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.gateway.core.catalog.CatalogKind;
import io.scimgateway.gateway.core.password.PasswordExtension;
import io.scimgateway.spi.AttributeMutability;
import io.scimgateway.spi.EntitlementCatalog;
import io.scimgateway.spi.PasswordFeature;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What discovery says of the backend's capabilities, applied to copies of the registry's JSON: the
 * password extension, and each of its attributes, only for the features the User store declares; a
 * User's entitlements and roles read-only where the catalog says so, and roles left out where the
 * backend keeps none; User attributes the User store holds more strictly ({@link AttributeMutability}).
 * Immutable and thread-safe.
 */
final class AdvertisedSchemas {

  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

  private final Set<PasswordFeature> passwordFeatures;
  private final Optional<EntitlementCatalog> catalog;
  private final Map<String, String> userMutability;

  AdvertisedSchemas(Set<PasswordFeature> passwordFeatures, Optional<EntitlementCatalog> catalog,
      Map<String, String> userMutability) {
    this.passwordFeatures = passwordFeatures;
    this.catalog = catalog;
    this.userMutability = Map.copyOf(userMutability);
  }

  /** Whether a schema extension is served at all. */
  boolean offers(String extensionUrn) {
    return !extensionUrn.equalsIgnoreCase(PasswordExtension.URN) || !passwordFeatures.isEmpty();
  }

  /** A resource type without the extensions this backend does not serve. */
  ObjectNode resourceType(ObjectNode json) {
    if (json.get("schemaExtensions") instanceof ArrayNode extensions) {
      removeIf(extensions, extension -> !offers(extension.path("schema").asText()));
    }
    return json;
  }

  /** A schema as this backend serves it. */
  ObjectNode schema(ObjectNode json) {
    if (!(json.get("attributes") instanceof ArrayNode attributes)) {
      return json;
    }
    if (json.path("id").asText().equalsIgnoreCase(PasswordExtension.URN)) {
      removeIf(attributes, attribute -> !PasswordExtension.supported(attribute.path("name").asText(),
          passwordFeatures));
    }
    if (json.path("id").asText().equalsIgnoreCase(USER_SCHEMA)) {
      stricter(attributes);
    }
    if (catalog.isPresent() && !json.path("id").asText().equalsIgnoreCase(PasswordExtension.URN)) {
      for (CatalogKind kind : CatalogKind.values()) {
        adjust(attributes, kind, catalog.get());
      }
    }
    return json;
  }

  private static void adjust(ArrayNode attributes, CatalogKind kind, EntitlementCatalog catalog) {
    if (!kind.servedBy(catalog)) {
      removeIf(attributes, attribute -> attribute.path("name").asText().equals(kind.attribute()));
    } else if (!kind.writableIn(catalog)) {
      for (JsonNode attribute : attributes) {
        if (attribute.path("name").asText().equals(kind.attribute())) {
          readOnly((ObjectNode) attribute);
        }
      }
    }
  }

  private void stricter(ArrayNode attributes) {
    for (JsonNode attribute : attributes) {
      String mutability = userMutability.get(attribute.path("name").asText());
      if (mutability != null) {
        ((ObjectNode) attribute).put("mutability", mutability);
      }
    }
  }

  private static void readOnly(ObjectNode attribute) {
    attribute.put("mutability", "readOnly");
    attribute.path("subAttributes").forEach(sub -> ((ObjectNode) sub).put("mutability", "readOnly"));
  }

  private static void removeIf(ArrayNode array, java.util.function.Predicate<JsonNode> condition) {
    for (Iterator<JsonNode> elements = array.elements(); elements.hasNext(); ) {
      if (condition.test(elements.next())) {
        elements.remove();
      }
    }
  }
}
