package io.scimgateway.gateway.http;

import com.unboundid.scim2.common.exceptions.ScimException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /ServiceProviderConfig}: what this gateway and its backend support (RFC 7643 section 5). */
@Path("ServiceProviderConfig")
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Singleton
public final class ServiceProviderConfigEndpoint {

  private final DiscoveryDocuments documents;

  @Inject
  public ServiceProviderConfigEndpoint(DiscoveryDocuments documents) {
    this.documents = documents;
  }

  @GET
  public Response get(@QueryParam("filter") String filter, @ScimBaseUri URI base) throws ScimException {
    DiscoveryResponses.refuseFilter(filter);
    return DiscoveryResponses.ok(documents.serviceProviderConfig(base));
  }
}
