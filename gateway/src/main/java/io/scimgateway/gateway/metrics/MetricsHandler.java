package io.scimgateway.gateway.metrics;

import io.scimgateway.gateway.auth.StaticTokenAuthenticator;
import io.scimgateway.gateway.auth.StaticTokens;
import io.scimgateway.gateway.auth.AuthResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code GET /metrics} in the Prometheus text format, open unless {@code metrics.tokenHash} is set;
 * then it needs that token ({@code Authorization: Bearer}), and no SCIM token will do.
 */
public final class MetricsHandler extends HttpHandler {

  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final GatewayMetrics metrics;
  private final Optional<StaticTokens> token;

  public MetricsHandler(GatewayMetrics metrics, String tokenHash) {
    this.metrics = metrics;
    this.token = Optional.ofNullable(tokenHash)
        .map(hash -> new StaticTokenAuthenticator(List.of(hash.strip()), List.of()));
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    if (token.isPresent() && !authorised(request.getHeader("Authorization"))) {
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Bearer realm=\"scim-gateway metrics\"");
      return;
    }
    byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType(CONTENT_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private boolean authorised(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return token.get().authenticate(header.substring(7).strip()) instanceof AuthResult.Authenticated;
  }
}
