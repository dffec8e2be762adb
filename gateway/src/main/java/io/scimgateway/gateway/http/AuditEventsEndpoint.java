package io.scimgateway.gateway.http;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.gateway.audit.AuditListing;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.gateway.core.ResourceServices;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * {@code /AuditEvents}: the audit trail, read-only (other methods are {@code 405}), for tokens with
 * the {@code audit} scope ({@link BearerAuthRequestFilter} refuses the others with {@code 403}).
 * Without a backend audit trail it is {@code 404}. The path names it literally, so it wins over the
 * resource endpoints' template.
 */
@Path("AuditEvents")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Singleton
public final class AuditEventsEndpoint {

  private final Optional<AuditListing> listing;

  @Inject
  public AuditEventsEndpoint(ResourceServices services, GatewayLimits limits) {
    this.listing = services.auditTrail()
        .map(trail -> new AuditListing(trail, limits.maxResults()));
  }

  @GET
  public Response list(@QueryParam("filter") String filter,
      @QueryParam("startIndex") String startIndex, @QueryParam("count") String count,
      @Context UriInfo uri) throws ScimException {
    AuditListing.Page page = listing().list(filter, startIndex, count, uri.getBaseUri());
    return ResourceResponses.list(page.totals(), page.resources(), "0".equals(count));
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id, @Context UriInfo uri) throws ScimException {
    return DiscoveryResponses.ok(listing().get(id, uri.getBaseUri()));
  }

  private AuditListing listing() {
    return listing.orElseThrow(NotFoundException::new);
  }
}
