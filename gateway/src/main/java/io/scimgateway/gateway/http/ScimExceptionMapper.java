package io.scimgateway.gateway.http;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.core.Response;

/** Answers a SCIM exception from the core or a store with its status, scimType and detail. */
@Provider
public final class ScimExceptionMapper implements ExceptionMapper<ScimException> {

  @Override
  public Response toResponse(ScimException exception) {
    ErrorResponse error = exception.getScimError();
    return ScimErrors.response(error.getStatus(), error.getScimType(), error.getDetail());
  }
}
