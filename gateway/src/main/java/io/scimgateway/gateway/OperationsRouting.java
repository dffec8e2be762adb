package io.scimgateway.gateway;

import java.util.Map;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The one handler the HTTP server has: health and metrics by their exact paths, everything else to the
 * SCIM application. Registering them as separate Grizzly handlers would put every request through
 * Grizzly's path mapper, which decodes the path first and answers an empty {@code 500} to one it
 * cannot decode ({@code %00}, a lone {@code %5C}); the SCIM application answers those with a SCIM
 * {@code 404}. The paths are compared undecoded, so only their exact spelling reaches them.
 * Thread-safe.
 */
final class OperationsRouting extends HttpHandler {

  private final HttpHandler scim;
  private final Map<String, HttpHandler> byPath;

  OperationsRouting(HttpHandler scim, Map<String, HttpHandler> byPath) {
    this.scim = scim;
    this.byPath = Map.copyOf(byPath);
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    byPath.getOrDefault(request.getRequestURI(), scim).service(request, response);
  }

  @Override
  public void start() {
    scim.start();
    byPath.values().forEach(HttpHandler::start);
  }

  @Override
  public void destroy() {
    byPath.values().forEach(HttpHandler::destroy);
    scim.destroy();
  }
}
