package io.scimgateway.gateway.http;

import io.scimgateway.gateway.auth.Principal;
import io.scimgateway.gateway.core.Requester;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Who sent a request and from where, as the request filters found it, for the audit trail. */
final class Requesters {

  private Requesters() {
  }

  static Requester of(ContainerRequestContext request) {
    Principal principal = (Principal) request.getProperty(BearerAuthRequestFilter.PRINCIPAL_PROPERTY);
    String client = (String) request.getProperty(RequestObservationFilter.CLIENT_PROPERTY);
    return new Requester(principal == null ? "-" : principal.subject(),
        principal == null ? null : principal.clientId(), "-".equals(client) ? null : client,
        (String) request.getProperty(RequestObservationFilter.REQUEST_ID_PROPERTY));
  }
}
