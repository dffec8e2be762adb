package io.scimgateway.gateway.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;

/**
 * SCIM error responses (RFC 7644 section 3.12): {@code status} as a string, an optional
 * {@code scimType}, and a {@code detail} a person can act on.
 */
final class ScimErrors {

  static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

  private ScimErrors() {
  }

  static Response response(int status, String scimType, String detail) {
    return builder(status, scimType, detail).build();
  }

  static Response.ResponseBuilder builder(int status, String scimType, String detail) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(ERROR_SCHEMA);
    if (scimType != null) {
      body.put("scimType", scimType);
    }
    if (detail != null) {
      body.put("detail", detail);
    }
    body.put("status", Integer.toString(status));
    return Response.status(status).type(ScimMediaType.SCIM_JSON_TYPE).entity(body);
  }
}
