package io.scimgateway.gateway.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.Map;

/**
 * What the discovery endpoints (RFC 7644 section 4) share. A {@code filter} on them is refused with
 * 403, as the RFC advises, so that no client believes a filter was applied.
 */
final class DiscoveryResponses {

  private DiscoveryResponses() {
  }

  static Response ok(ObjectNode body) {
    return Response.ok(body).type(ScimMediaType.SCIM_JSON_TYPE).build();
  }

  static Response list(Collection<ObjectNode> resources) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(ResourceResponses.LIST_RESPONSE_SCHEMA);
    body.put("totalResults", resources.size());
    body.put("itemsPerPage", resources.size());
    body.put("startIndex", 1);
    body.putArray("Resources").addAll(resources);
    return ok(body);
  }

  static Response one(Map<String, ObjectNode> documents, String id, String kind)
      throws ResourceNotFoundException {
    return ok(documents.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(id))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new ResourceNotFoundException("This gateway serves no " + kind
            + " \"" + id + "\"; the list endpoint shows those it does.")));
  }

  static void refuseFilter(String filter) throws ForbiddenException {
    if (filter != null) {
      throw new ForbiddenException("Discovery endpoints do not support filtering; request the whole "
          + "list and select on the client.");
    }
  }
}
