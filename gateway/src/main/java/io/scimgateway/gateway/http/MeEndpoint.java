package io.scimgateway.gateway.http;

import jakarta.inject.Singleton;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code /Me} (RFC 7644 section 3.11): the gateway's clients are provisioning systems, not users, so
 * no token maps to a resource, and the RFC's answer for a provider without the alias is
 * {@code 501 Not Implemented}, for every method.
 */
@Path("Me{rest: (/.*)?}")
@Singleton
public final class MeEndpoint {

  @GET
  public Response get() {
    return notImplemented();
  }

  @POST
  public Response post() {
    return notImplemented();
  }

  @PUT
  public Response put() {
    return notImplemented();
  }

  @PATCH
  public Response patch() {
    return notImplemented();
  }

  @DELETE
  public Response delete() {
    return notImplemented();
  }

  private static Response notImplemented() {
    return ScimErrors.response(501, null, "This service provider does not implement /Me (RFC 7644 "
        + "section 3.11): its clients are provisioning systems; use /Users/{id}.");
  }
}
