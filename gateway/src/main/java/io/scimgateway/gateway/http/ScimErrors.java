package io.scimgateway.gateway.http;

import io.scimgateway.gateway.core.ScimErrorBody;
import jakarta.ws.rs.core.Response;

/**
 * SCIM error responses (RFC 7644 section 3.12): {@code status} as a string, an optional
 * {@code scimType}, and a {@code detail} a person can act on.
 */
final class ScimErrors {

  static final String ERROR_SCHEMA = ScimErrorBody.SCHEMA;

  private ScimErrors() {
  }

  static Response response(int status, String scimType, String detail) {
    return builder(status, scimType, detail).build();
  }

  static Response.ResponseBuilder builder(int status, String scimType, String detail) {
    return Response.status(status).type(ScimMediaType.SCIM_JSON_TYPE)
        .entity(ScimErrorBody.of(status, scimType, detail));
  }
}
