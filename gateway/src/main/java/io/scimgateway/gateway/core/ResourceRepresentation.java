package io.scimgateway.gateway.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.core.write.ETags;
import io.scimgateway.spi.StoredResource;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns what a store holds into the SCIM representation: {@code schemas} and {@code id} first, the
 * attributes, then {@code meta} (RFC 7643 section 3.1) with the resource's location, version and
 * times. References to other resources ({@code members}, {@code groups}) get their {@code $ref}.
 */
public final class ResourceRepresentation {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ResourceTypeDefinition resourceType;

  public ResourceRepresentation(ResourceTypeDefinition resourceType) {
    this.resourceType = resourceType;
  }

  /** The representation a client reads, with locations under {@code baseUri} ({@code .../scim/v2/}). */
  public ObjectNode render(StoredResource resource, URI baseUri) {
    ObjectNode node = forFiltering(resource);
    ObjectNode meta = (ObjectNode) node.get("meta");
    meta.put("location", location(baseUri, resourceType.getEndpoint(), resource.id()));
    addReferences(node.get("members"), baseUri);
    addReferences(node.get("groups"), baseUri);
    node.remove("meta");
    node.set("meta", meta);
    return node;
  }

  /** The representation a filter is evaluated against: everything but locations. */
  public ObjectNode forFiltering(StoredResource resource) {
    ObjectNode node = JSON.objectNode();
    JsonNode schemas = resource.attributes().get("schemas");
    if (schemas != null) {
      node.set("schemas", schemas.deepCopy());
    }
    node.put("id", resource.id());
    Iterator<Map.Entry<String, JsonNode>> fields = resource.attributes().fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getKey().equals("schemas") && !field.getKey().equals("id")
          && !field.getKey().equals("meta")) {
        node.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    node.putObject("meta")
        .put("resourceType", resourceType.getName())
        .put("created", resource.created().toString())
        .put("lastModified", resource.lastModified().toString())
        .put("version", ETags.of(resource));
    return node;
  }

  /** Members and groups name a User or Group by id; {@code type} tells which endpoint it lives at. */
  private static void addReferences(JsonNode values, URI baseUri) {
    if (values == null || !values.isArray()) {
      return;
    }
    for (JsonNode value : values) {
      if (value instanceof ObjectNode object && object.hasNonNull("value")) {
        String endpoint = "User".equals(object.path("type").asText()) ? "/Users" : "/Groups";
        object.put("$ref", location(baseUri, endpoint, object.get("value").asText()));
      }
    }
  }

  /** Where the resource is, under {@code baseUri}: its {@code meta.location}. */
  public String location(StoredResource resource, URI baseUri) {
    return location(baseUri, resourceType.getEndpoint(), resource.id());
  }

  /** The URL of the resource {@code id} at {@code endpoint} ({@code /Users}), the id percent-encoded. */
  public static String location(URI baseUri, String endpoint, String id) {
    String base = baseUri.toString();
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return trimmed + endpoint + "/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
