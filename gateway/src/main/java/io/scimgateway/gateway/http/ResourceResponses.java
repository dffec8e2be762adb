package io.scimgateway.gateway.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.gateway.core.ListAnswer;
import io.scimgateway.gateway.core.ResourceAnswer;
import io.scimgateway.gateway.core.query.ListResult;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds the HTTP responses that carry resources: single ones with ETag, and list responses. */
final class ResourceResponses {

  static final String LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  private ResourceResponses() {
  }

  static Response.ResponseBuilder single(Response.Status status, ResourceAnswer answer) {
    return Response.status(status)
        .type(ScimMediaType.SCIM_JSON_TYPE)
        .header(HttpHeaders.ETAG, answer.etag())
        .entity(answer.body());
  }

  static Response list(ListAnswer answer) {
    return list(answer.result(), answer.resources(), answer.totalOnly());
  }

  /**
   * A ListResponse (RFC 7644 section 3.4.2): {@code itemsPerPage} is the number of resources on this
   * page; {@code count=0} asks for {@code totalResults} alone, so {@code Resources} is left out.
   */
  static Response list(ListResult result, List<ObjectNode> resources, boolean totalOnly) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(LIST_RESPONSE_SCHEMA);
    body.put("totalResults", result.totalResults());
    body.put("itemsPerPage", resources.size());
    if (result.startIndex() != null) {
      body.put("startIndex", result.startIndex());
    }
    if (result.previousCursor() != null) {
      body.put("previousCursor", result.previousCursor());
    }
    if (result.nextCursor() != null) {
      body.put("nextCursor", result.nextCursor());
    }
    if (!totalOnly) {
      ArrayNode array = body.putArray("Resources");
      resources.forEach(array::add);
    }
    return Response.ok(body).type(ScimMediaType.SCIM_JSON_TYPE).build();
  }
}
