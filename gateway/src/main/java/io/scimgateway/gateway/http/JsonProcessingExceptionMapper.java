package io.scimgateway.gateway.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not JSON, or not the JSON shape the endpoint reads, is the client's
 * {@code 400 invalidSyntax}. The detail names where the problem is, without echoing the body.
 */
@Provider
public final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

  @Override
  public Response toResponse(JsonProcessingException exception) {
    JsonLocation location = exception.getLocation();
    String where = location == null || location.getLineNr() < 0
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return ScimErrors.response(400, BadRequestException.INVALID_SYNTAX,
        "The request body is not valid JSON for this endpoint" + where
            + ": it must be one JSON object, as RFC 7644 describes for the operation.");
  }
}
