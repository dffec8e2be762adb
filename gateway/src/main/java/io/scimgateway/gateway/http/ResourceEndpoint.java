package io.scimgateway.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.gateway.core.ResourceAnswer;
import io.scimgateway.gateway.core.ResourceRequests;
import io.scimgateway.gateway.core.ResourceService;
import io.scimgateway.gateway.core.ResourceServices;
import io.scimgateway.gateway.core.Returning;
import io.scimgateway.gateway.core.query.ListQueryParser;
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
 * the registry and backend serve): create, read, replace, patch, delete, list and search. Each method
 * finds the resource type's service, makes one {@link ResourceRequests} call of what the client sent,
 * and turns the answer into a response.
 */
@Path("{endpoint}")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Singleton
public final class ResourceEndpoint {

  private final ResourceServices services;
  private final ResourceRequests requests;

  @Inject
  public ResourceEndpoint(ResourceServices services, ResourceRequests requests) {
    this.services = services;
    this.requests = requests;
  }

  @GET
  public Response list(@PathParam("endpoint") String endpoint, @QueryParam("filter") String filter,
      @QueryParam("sortBy") String sortBy, @QueryParam("sortOrder") String sortOrder,
      @QueryParam("startIndex") String startIndex, @QueryParam("count") String count,
      @QueryParam("cursor") String cursor, @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes, @ScimBaseUri URI base)
      throws ScimException {
    return ResourceResponses.list(requests.list(service(endpoint),
        new ListQueryParser.Parameters(filter, sortBy, sortOrder, startIndex, count, cursor),
        new Returning(attributes, excludedAttributes), base));
  }

  @POST
  @Path(".search")
  public Response search(@PathParam("endpoint") String endpoint, ObjectNode body, @ScimBaseUri URI base)
      throws ScimException {
    ResourceService service = service(endpoint);
    SearchRequestBody request = SearchRequestBody.read(body);
    return ResourceResponses.list(requests.list(service, request.parameters(), request.returning(),
        base));
  }

  @POST
  public Response create(@PathParam("endpoint") String endpoint, ObjectNode body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes, @ScimBaseUri URI base,
      @Context ContainerRequestContext request) throws ScimException {
    ResourceAnswer created = requests.create(service(endpoint), Requesters.of(request), require(body),
        new Returning(attributes, excludedAttributes), base);
    return ResourceResponses.single(Response.Status.CREATED, created)
        .location(UriBuilder.fromUri(base).path(endpoint).path(created.id()).build())
        .build();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("endpoint") String endpoint, @PathParam("id") String id,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @ScimBaseUri URI base)
      throws ScimException {
    ResourceAnswer found = requests.get(service(endpoint), id,
        new Returning(attributes, excludedAttributes), ifNoneMatch, base);
    if (found.notModified()) {
      return Response.notModified().header(HttpHeaders.ETAG, found.etag()).build();
    }
    return ResourceResponses.single(Response.Status.OK, found).build();
  }

  @PUT
  @Path("{id}")
  public Response replace(@PathParam("endpoint") String endpoint, @PathParam("id") String id,
      ObjectNode body, @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @ScimBaseUri URI base,
      @Context ContainerRequestContext request) throws ScimException {
    return ResourceResponses.single(Response.Status.OK, requests.replace(service(endpoint),
        Requesters.of(request), id, require(body), new Returning(attributes, excludedAttributes),
        ifMatch, base)).build();
  }

  /**
   * Answers a user 200 with the resource, so that a client sees the result of its change (and Entra's
   * validator, which refuses 204 for users, is satisfied). Answers a group 204 with its ETag, as Entra
   * and Okta expect, unless the request names attributes to return: a body listing every member of
   * a large group is what Entra asks servers not to send, and would need them all read back.
   */
  @PATCH
  @Path("{id}")
  public Response patch(@PathParam("endpoint") String endpoint, @PathParam("id") String id,
      ObjectNode body, @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @ScimBaseUri URI base,
      @Context ContainerRequestContext request) throws ScimException {
    ResourceService service = service(endpoint);
    if (attributes == null && excludedAttributes == null
        && service.resourceType().getName().equals("Group")) {
      return Response.noContent().header(HttpHeaders.ETAG, requests.patchForVersion(service,
          Requesters.of(request), id, require(body), ifMatch)).build();
    }
    return ResourceResponses.single(Response.Status.OK, requests.patch(service,
        Requesters.of(request), id, require(body), new Returning(attributes, excludedAttributes),
        ifMatch, base)).build();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("endpoint") String endpoint, @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context ContainerRequestContext request)
      throws ScimException {
    requests.delete(service(endpoint), Requesters.of(request), id, ifMatch);
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
