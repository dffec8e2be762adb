package io.scimgateway.gateway.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a response holds when the client names no {@code attributes} or {@code excludedAttributes}:
 * everything but the attributes whose {@code returned} is {@code never} or {@code request} (RFC 7643
 * section 7). The same result as the SDK's trimmer for that case, computed from a table of the names to
 * drop made once per resource type, since it runs for every resource of every response. Thread-safe.
 */
final class DefaultProjection {

  /** Lower-case attribute name to its sub-attributes' table, or null to drop the attribute. */
  private final Map<String, Node> core;
  private final Map<String, Map<String, Node>> extensions = new LinkedHashMap<>();

  private record Node(boolean drop, Map<String, Node> children) {
  }

  DefaultProjection(ResourceTypeDefinition resourceType) {
    this.core = table(resourceType.getCoreSchema().getAttributes());
    for (SchemaResource extension : resourceType.getSchemaExtensions().keySet()) {
      extensions.put(extension.getId().toLowerCase(Locale.ROOT), table(extension.getAttributes()));
    }
  }

  /** Whether a response without attribute lists returns the top-level core attribute {@code name}. */
  boolean returns(String name) {
    Node rule = core.get(name.toLowerCase(Locale.ROOT));
    return rule == null || !rule.drop();
  }

  ObjectNode apply(ObjectNode resource) {
    strip(resource, core);
    extensions.forEach((urn, table) -> {
      if (!table.isEmpty()) {
        resource.fields().forEachRemaining(field -> {
          if (field.getKey().toLowerCase(Locale.ROOT).equals(urn) && field.getValue().isObject()) {
            strip((ObjectNode) field.getValue(), table);
          }
        });
      }
    });
    return resource;
  }

  private static void strip(JsonNode node, Map<String, Node> table) {
    if (table.isEmpty()) {
      return;
    }
    if (node.isArray()) {
      node.forEach(element -> strip(element, table));
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    object.fields().forEachRemaining(field -> {
      Node rule = table.get(field.getKey().toLowerCase(Locale.ROOT));
      if (rule != null && !rule.drop()) {
        strip(field.getValue(), rule.children());
      }
    });
    object.properties().removeIf(field -> {
      Node rule = table.get(field.getKey().toLowerCase(Locale.ROOT));
      return rule != null && rule.drop();
    });
  }

  /** Only the attributes that are dropped, or that have sub-attributes that are. */
  private static Map<String, Node> table(Collection<AttributeDefinition> attributes) {
    Map<String, Node> table = new LinkedHashMap<>();
    for (AttributeDefinition attribute : attributes) {
      String name = attribute.getName().toLowerCase(Locale.ROOT);
      AttributeDefinition.Returned returned = attribute.getReturned();
      if (returned == AttributeDefinition.Returned.NEVER
          || returned == AttributeDefinition.Returned.REQUEST) {
        table.put(name, new Node(true, Map.of()));
      } else if (attribute.getSubAttributes() != null) {
        Map<String, Node> children = table(attribute.getSubAttributes());
        if (!children.isEmpty()) {
          table.put(name, new Node(false, children));
        }
      }
    }
    return table;
  }
}
