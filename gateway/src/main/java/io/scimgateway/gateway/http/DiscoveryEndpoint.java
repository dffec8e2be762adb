package io.scimgateway.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/**
 * {@code /ResourceTypes} and {@code /Schemas}, listed and by id (RFC 7643 sections 6 and 7). The path
 * names them literally, so these win over the resource endpoints' {@code {endpoint}} template.
 */
@Path("{kind: ResourceTypes|Schemas}")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Singleton
public final class DiscoveryEndpoint {

  private final DiscoveryDocuments documents;

  @Inject
  public DiscoveryEndpoint(DiscoveryDocuments documents) {
    this.documents = documents;
  }

  @GET
  public Response list(@PathParam("kind") String kind, @QueryParam("filter") String filter,
      @ScimBaseUri URI base) throws ScimException {
    DiscoveryResponses.refuseFilter(filter);
    return DiscoveryResponses.list(documents(kind, base).values());
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("kind") String kind, @PathParam("id") String id,
      @ScimBaseUri URI base) throws ScimException {
    return DiscoveryResponses.one(documents(kind, base), id,
        kind.equals("Schemas") ? "schema" : "resource type");
  }

  private Map<String, ObjectNode> documents(String kind, URI baseUri) {
    return kind.equals("Schemas") ? documents.schemas(baseUri) : documents.resourceTypes(baseUri);
  }
}
