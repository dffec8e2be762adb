package io.scimgateway.gateway.http;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.scimgateway.gateway.auth.TokenAuthenticator;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.gateway.core.ResourceRequests;
import io.scimgateway.gateway.core.ResourceServices;
import io.scimgateway.gateway.metrics.GatewayMetrics;
import io.scimgateway.schemas.SchemaRegistry;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;

/** Wires the HTTP layer: endpoints, request filters, exception mappers and JSON. No logic here. */
public final class GatewayApplication extends ResourceConfig {

  public GatewayApplication(String basePath, SchemaRegistry registry, ResourceServices services,
      GatewayLimits limits, TokenAuthenticator authenticator, GatewayMetrics metrics) {
    DiscoveryDocuments documents = new DiscoveryDocuments(registry, services, limits);
    register(new AbstractBinder() {
      @Override
      protected void configure() {
        bind(services).to(ResourceServices.class);
        bind(new ResourceRequests(services, limits)).to(ResourceRequests.class);
        bind(limits).to(GatewayLimits.class);
        bind(documents).to(DiscoveryDocuments.class);
        bind(new ScimBaseUri.Provider()).to(ValueParamProvider.class);
      }
    });
    register(ResourceEndpoint.class);
    register(RootSearchEndpoint.class);
    register(BulkEndpoint.class);
    register(DiscoveryEndpoint.class);
    register(ServiceProviderConfigEndpoint.class);
    register(CatalogEndpoint.class);
    register(AuditEventsEndpoint.class);
    register(MeEndpoint.class);

    register(new RequestObservationFilter(metrics, new AccessLog()));
    register(new BasePathRequestFilter(basePath));
    register(new RequestSizeLimitRequestFilter(limits.maxPayloadBytes(),
        limits.bulkMaxPayloadBytes()));
    register(new BearerAuthRequestFilter(authenticator));

    register(new JacksonJsonProvider(JsonUtils.createObjectMapper()));
    register(ScimExceptionMapper.class);
    register(WebApplicationExceptionMapper.class);
    register(JsonProcessingExceptionMapper.class);
    register(UnexpectedExceptionMapper.class);

    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
  }
}
