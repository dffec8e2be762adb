package io.scimgateway.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.gateway.core.ResourceRequests;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code POST /.search}: one search over every resource type served (RFC 7644 section 3.4.3); the
 * core's {@link ResourceRequests#searchAll} pages it across the types.
 */
@Path(".search")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Singleton
public final class RootSearchEndpoint {

  private final ResourceRequests requests;

  @Inject
  public RootSearchEndpoint(ResourceRequests requests) {
    this.requests = requests;
  }

  @POST
  public Response search(ObjectNode body, @ScimBaseUri URI base) throws ScimException {
    SearchRequestBody request = SearchRequestBody.read(body);
    return ResourceResponses.list(requests.searchAll(request.parameters(), request.returning(), base));
  }
}
