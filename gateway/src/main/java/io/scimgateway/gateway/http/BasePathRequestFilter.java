package io.scimgateway.gateway.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/**
 * Serves the SCIM endpoints under the configured base path (default {@code /scim/v2}) while Jersey
 * owns the whole server, so that a request anywhere else still gets a SCIM 404 rather than the
 * container's HTML page. Requests under the base path are re-based onto it: resources then see
 * {@code /Users}, and {@code UriInfo.getBaseUri()} is the SCIM base URL used in locations.
 * Thread-safe.
 */
@PreMatching
@Priority(100)
public final class BasePathRequestFilter implements ContainerRequestFilter {

  private final String basePath;
  /** The last base URL re-based: almost every request arrives under the same host and port. */
  private volatile Rebased last;

  private record Rebased(String container, URI scim) {
  }

  /** @param basePath like {@code /scim/v2}; {@code /} serves SCIM at the root */
  public BasePathRequestFilter(String basePath) {
    String trimmed = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    this.basePath = trimmed.startsWith("/") || trimmed.isEmpty() ? trimmed : "/" + trimmed;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    URI requestUri = request.getUriInfo().getRequestUri();
    String path = requestUri.getRawPath();
    if (!path.equals(basePath) && !path.startsWith(basePath + "/")) {
      throw new NotFoundException();
    }
    request.setRequestUri(scimBase(request.getUriInfo().getBaseUri()), requestUri);
  }

  /**
   * The SCIM base URL under the container's base URL. Building one costs more than comparing the
   * text (exactly, so that a host spelled in other letters is answered in its own spelling).
   */
  private URI scimBase(URI containerBase) {
    String container = containerBase.toString();
    Rebased known = last;
    if (known != null && known.container().equals(container)) {
      return known.scim();
    }
    URI scim = UriBuilder.fromUri(containerBase).replacePath(basePath + "/").replaceQuery(null).build();
    last = new Rebased(container, scim);
    return scim;
  }
}
