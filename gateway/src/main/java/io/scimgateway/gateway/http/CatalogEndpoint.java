package io.scimgateway.gateway.http;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.gateway.core.ResourceServices;
import io.scimgateway.gateway.core.catalog.CatalogKind;
import io.scimgateway.gateway.core.catalog.CatalogListing;
import io.scimgateway.gateway.core.query.ListQueryParser;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /Entitlements} and {@code /Roles} (draft-ietf-scim-roles-entitlements-01): the values the
 * backend accepts for a User's entitlements and roles, read-only. Without the backend's catalog they
 * answer 404. The path names them literally, so these win over the resource endpoints' template.
 */
@Path("{kind: Entitlements|Roles}")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Singleton
public final class CatalogEndpoint {

  private final CatalogListing catalogs;

  @Inject
  public CatalogEndpoint(ResourceServices services) {
    this.catalogs = services.catalogs();
  }

  @GET
  public Response list(@PathParam("kind") String kind, @QueryParam("filter") String filter,
      @QueryParam("startIndex") String startIndex, @QueryParam("count") String count,
      @QueryParam("cursor") String cursor, @Context UriInfo uri) throws ScimException {
    CatalogListing.Page page = catalogs.list(kind(kind),
        new ListQueryParser.Parameters(filter, null, null, startIndex, count, cursor),
        uri.getBaseUri());
    return ResourceResponses.list(page.totals(), page.resources(), "0".equals(count));
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("kind") String kind, @PathParam("id") String id,
      @Context UriInfo uri) throws ScimException {
    return DiscoveryResponses.ok(catalogs.get(kind(kind), id, uri.getBaseUri()));
  }

  private static CatalogKind kind(String endpoint) {
    return CatalogKind.byEndpoint(endpoint).orElseThrow();
  }
}
