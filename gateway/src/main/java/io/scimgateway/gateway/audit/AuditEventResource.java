package io.scimgateway.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.spi.AuditEvent;
import java.net.URI;

/**
 * An audit event as a SCIM resource of type {@code AuditEvent} (schema {@value #SCHEMA}, under the
 * {@code urn:scimgateway} namespace this project uses for its own schemas). A change's old and new
 * values are JSON text, since a SCIM schema has no attribute type for "any value". Stateless.
 */
public final class AuditEventResource {

  public static final String SCHEMA = "urn:scimgateway:params:scim:schemas:core:1.0:AuditEvent";
  public static final String ENDPOINT = "AuditEvents";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AuditEventResource() {
  }

  /** The resource; {@code baseUri} null leaves {@code meta.location} out (the command line). */
  public static ObjectNode render(AuditEvent event, URI baseUri) {
    ObjectNode resource = JSON.objectNode();
    resource.putArray("schemas").add(SCHEMA);
    resource.put("id", event.id());
    resource.put("time", event.time().toString());
    resource.put("actor", event.actor());
    putIfPresent(resource, "clientId", event.clientId());
    putIfPresent(resource, "address", event.address());
    putIfPresent(resource, "requestId", event.requestId());
    resource.put("operation", event.operation());
    resource.put("resourceType", event.resourceType());
    putIfPresent(resource, "resourceId", event.resourceId());
    putIfPresent(resource, "resourceName", event.resourceName());
    resource.set("changes", changes(event.changes()));
    resource.put("outcome", event.outcome());
    ObjectNode meta = resource.putObject("meta").put("resourceType", "AuditEvent")
        .put("created", event.time().toString()).put("lastModified", event.time().toString());
    if (baseUri != null) {
      String base = baseUri.toString().endsWith("/") ? baseUri.toString() : baseUri + "/";
      meta.put("location", base + ENDPOINT + "/" + event.id());
    }
    return resource;
  }

  private static ArrayNode changes(JsonNode recorded) {
    ArrayNode changes = JSON.arrayNode();
    for (JsonNode change : recorded) {
      ObjectNode rendered = changes.addObject().put("attribute", change.path("attribute").asText());
      for (String field : new String[] {"old", "new"}) {
        if (change.has(field)) {
          rendered.put(field, change.get(field).toString());
        }
      }
      for (String field : new String[] {"added", "removed"}) {
        if (change.has(field)) {
          rendered.set(field, change.get(field));
        }
      }
    }
    return changes;
  }

  private static void putIfPresent(ObjectNode resource, String name, String value) {
    if (value != null) {
      resource.put(name, value);
    }
  }
}
