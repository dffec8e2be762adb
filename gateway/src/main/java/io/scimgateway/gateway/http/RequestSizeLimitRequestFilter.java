package io.scimgateway.gateway.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Refuses request bodies over the configured size with {@code 413} and a SCIM error, whether the client
 * announced the size ({@code Content-Length}) or streamed it chunked. Reads at most the limit plus one
 * byte, so an oversized body never costs more memory than an allowed one; runs after authentication,
 * so no body is read for an anonymous client.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
public final class RequestSizeLimitRequestFilter implements ContainerRequestFilter {

  private final long defaultMaxBytes;
  private final long bulkMaxBytes;

  public RequestSizeLimitRequestFilter(long defaultMaxBytes, long bulkMaxBytes) {
    this.defaultMaxBytes = defaultMaxBytes;
    this.bulkMaxBytes = bulkMaxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    // A bulk request carries many resources, and has its own limit (bulk.maxPayloadSize).
    List<PathSegment> segments = request.getUriInfo().getPathSegments();
    boolean bulk = segments.size() == 1 && segments.get(0).getPath().equals("Bulk");
    long maxBytes = bulk ? bulkMaxBytes : defaultMaxBytes;
    if (request.getLength() > maxBytes) {
      throw tooLarge(maxBytes, bulk);
    }
    if (!request.hasEntity()) {
      return;
    }
    byte[] body = request.getEntityStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (body.length > maxBytes) {
      throw tooLarge(maxBytes, bulk);
    }
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  private static WebApplicationException tooLarge(long maxBytes, boolean bulk) {
    return new WebApplicationException(ScimErrors.response(413, null,
        "The request body is larger than this gateway accepts (" + maxBytes + " bytes; setting "
            + (bulk ? "limits.bulkMaxPayloadBytes, advertised as bulk.maxPayloadSize" : "limits.maxPayloadBytes")
            + "). Send fewer resources per request."));
  }
}
