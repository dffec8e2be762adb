package io.scimgateway.gateway.http;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import io.scimgateway.gateway.core.ResourceServices;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Jersey's own refusals (no such path, wrong method, unacceptable or unsupported media type) as SCIM
 * error bodies, keeping headers such as {@code Allow}.
 */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  /** Endpoints that exist whatever the backend serves. */
  private static final Set<String> FIXED_ENDPOINTS = Set.of("Bulk", "ServiceProviderConfig",
      "ResourceTypes", "Schemas", ".search", "Entitlements", "Roles", "AuditEvents");

  @Context
  private UriInfo uriInfo;

  @Inject
  private ResourceServices services;

  @Override
  public Response toResponse(WebApplicationException thrown) {
    WebApplicationException exception = thrown instanceof NotAllowedException && !knownEndpoint()
        ? new NotFoundException() : thrown;
    Response original = exception.getResponse();
    if (original.hasEntity()) {
      return original;
    }
    Response.ResponseBuilder builder = ScimErrors.builder(original.getStatus(), null, detail(exception));
    original.getHeaders().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    return builder.build();
  }

  /**
   * A method an endpoint lacks is 405, but a path no endpoint serves is 404 whatever the method:
   * {@code DELETE /Nope} matches the resource endpoints' template, not an endpoint.
   */
  private boolean knownEndpoint() {
    List<PathSegment> segments = uriInfo.getPathSegments();
    String first = segments.isEmpty() ? "" : segments.get(0).getPath();
    return FIXED_ENDPOINTS.contains(first) || services.byEndpoint(first).isPresent();
  }

  private static String detail(WebApplicationException exception) {
    if (exception instanceof NotFoundException) {
      return "There is no SCIM endpoint at this path. Endpoints are /Users, /Groups, /Schemas, "
          + "/ResourceTypes and /ServiceProviderConfig under the gateway's base path.";
    }
    if (exception instanceof NotAllowedException) {
      return "This endpoint does not support the method; the Allow header lists those it does.";
    }
    if (exception instanceof NotAcceptableException) {
      return "Responses are application/scim+json (or application/json); the Accept header allows "
          + "neither.";
    }
    if (exception instanceof NotSupportedException) {
      return "Send the request body as application/scim+json or application/json.";
    }
    Response.StatusType status = exception.getResponse().getStatusInfo();
    return status.getReasonPhrase();
  }
}
