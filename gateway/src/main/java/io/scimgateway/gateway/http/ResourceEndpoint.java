package io.scimgateway.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import io.scimgateway.gateway.core.ResourceService;
import io.scimgateway.gateway.core.ResourceServices;
import io.scimgateway.gateway.core.query.ListQuery;
import io.scimgateway.gateway.core.query.ListQueryParser;
import io.scimgateway.gateway.core.query.Projection;
import io.scimgateway.gateway.core.write.ETags;
import io.scimgateway.gateway.core.write.PatchRequestReader;
import io.scimgateway.gateway.core.write.Preconditions;
import io.scimgateway.spi.StoredResource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/**
 * The resource endpoints of RFC 7644 section 3 ({@code /Users}, {@code /Groups}, and any other type
 * the registry and backend serve): create, read, replace, patch, delete, list and search.
 */
@Path("{endpoint}")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Singleton
public final class ResourceEndpoint {

  private final ResourceServices services;
  @Inject
  public ResourceEndpoint(ResourceServices services) {
    this.services = services;
  }

  @GET
  public Response list(@PathParam("endpoint") String endpoint, @QueryParam("filter") String filter,
      @QueryParam("sortBy") String sortBy, @QueryParam("sortOrder") String sortOrder,
      @QueryParam("startIndex") String startIndex, @QueryParam("count") String count,
      @QueryParam("cursor") String cursor, @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes, @ScimBaseUri URI base)
      throws ScimException {
    ResourceService service = service(endpoint);
    return list(service, new ListQueryParser.Parameters(filter, sortBy, sortOrder, startIndex, count,
        cursor), attributes, excludedAttributes, base);
  }

  @POST
  @Path(".search")
  public Response search(@PathParam("endpoint") String endpoint, ObjectNode body, @ScimBaseUri URI base)
      throws ScimException {
    ResourceService service = service(endpoint);
    SearchRequestBody request = SearchRequestBody.read(body);
    return list(service, request.parameters(), request.attributes(), request.excludedAttributes(),
        base);
  }

  private Response list(ResourceService service, ListQueryParser.Parameters parameters,
      String attributes, String excludedAttributes, URI base) throws ScimException {
    Projection projection = Projection.of(service.resourceType(), attributes, excludedAttributes);
    ListQuery query = service.queryParser().parse(parameters).returning(projection.returned());
    return ResourceResponses.list(service, service.search(query), base, projection,
        Integer.valueOf(0).equals(query.count()));
  }

  @POST
  public Response create(@PathParam("endpoint") String endpoint, ObjectNode body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes, @ScimBaseUri URI base,
      @Context ContainerRequestContext request) throws ScimException {
    ResourceService service = service(endpoint);
    StoredResource created = service.create(Requesters.of(request), require(body));
    URI location = UriBuilder.fromUri(base).path(endpoint).path(created.id()).build();
    return ResourceResponses.single(Response.Status.CREATED, service, created, base,
            Projection.of(service.resourceType(), attributes, excludedAttributes))
        .location(location)
        .build();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("endpoint") String endpoint, @PathParam("id") String id,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @ScimBaseUri URI base)
      throws ScimException {
    ResourceService service = service(endpoint);
    Projection projection = Projection.of(service.resourceType(), attributes, excludedAttributes);
    StoredResource resource = service.get(id, projection.returned());
    if (new Preconditions(null, ifNoneMatch).notModified(resource)) {
      return Response.notModified().header(HttpHeaders.ETAG, ETags.of(resource)).build();
    }
    return ResourceResponses.single(Response.Status.OK, service, resource, base, projection).build();
  }

  @PUT
  @Path("{id}")
  public Response replace(@PathParam("endpoint") String endpoint, @PathParam("id") String id,
      ObjectNode body, @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @ScimBaseUri URI base,
      @Context ContainerRequestContext request) throws ScimException {
    ResourceService service = service(endpoint);
    StoredResource replaced = service.replace(Requesters.of(request), id, require(body),
        new Preconditions(ifMatch, null));
    return ResourceResponses.single(Response.Status.OK, service, replaced, base,
        Projection.of(service.resourceType(), attributes, excludedAttributes)).build();
  }

  /** Answers 200 with the resource, so that a client sees the result of its change (and Entra's
   *  validator, which refuses 204 for users, is satisfied). */
  @PATCH
  @Path("{id}")
  public Response patch(@PathParam("endpoint") String endpoint, @PathParam("id") String id,
      ObjectNode body, @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @ScimBaseUri URI base,
      @Context ContainerRequestContext request) throws ScimException {
    ResourceService service = service(endpoint);
    PatchRequest patch = PatchRequestReader.read(require(body), services.compatibility());
    StoredResource patched = service.patch(Requesters.of(request), id, patch,
        new Preconditions(ifMatch, null));
    return ResourceResponses.single(Response.Status.OK, service, patched, base,
        Projection.of(service.resourceType(), attributes, excludedAttributes)).build();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("endpoint") String endpoint, @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context ContainerRequestContext request)
      throws ScimException {
    service(endpoint).delete(Requesters.of(request), id, new Preconditions(ifMatch, null));
    return Response.noContent().build();
  }

  private ResourceService service(String endpoint) {
    return services.byEndpoint(endpoint).orElseThrow(NotFoundException::new);
  }

  private static ObjectNode require(ObjectNode body) throws BadRequestException {
    if (body == null) {
      throw BadRequestException.invalidSyntax("The request needs a JSON object as its body.");
    }
    return body;
  }
}
