package io.scimgateway.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.gateway.core.ResourceServices;
import io.scimgateway.gateway.core.bulk.BulkProcessor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code POST /Bulk} (RFC 7644 section 3.7): many operations in one request, each answered. */
@Path("Bulk")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Singleton
public final class BulkEndpoint {

  private final BulkProcessor processor;

  @Inject
  public BulkEndpoint(ResourceServices services, GatewayLimits limits) {
    this.processor = new BulkProcessor(services, limits);
  }

  @POST
  public Response bulk(ObjectNode body, @ScimBaseUri URI base,
      @Context ContainerRequestContext request) throws ScimException {
    if (body == null) {
      throw BadRequestException.invalidSyntax("A bulk request needs a BulkRequest body.");
    }
    return Response.ok(processor.process(body, base, Requesters.of(request)))
        .type(ScimMediaType.SCIM_JSON_TYPE).build();
  }
}
