package io.scimgateway.gateway.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.spi.HealthCheck.HealthPart;
import java.io.IOException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code GET /health/live} (the process answers) and {@code GET /health/ready} (the backend can
 * serve: {@code 200}, else {@code 503} naming the part that fails), in JSON and without a token, for
 * load balancers and orchestrators. Served by Grizzly beside the SCIM application, outside its
 * base path and its authentication.
 */
public final class HealthHandlers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HealthHandlers() {
  }

  public static HttpHandler live() {
    return new HttpHandler() {
      @Override
      public void service(Request request, Response response) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("status", "up");
        write(response, 200, body);
      }
    };
  }

  public static HttpHandler ready(Readiness readiness) {
    return new HttpHandler() {
      @Override
      public void service(Request request, Response response) throws IOException {
        Readiness.Report report = readiness.check();
        ObjectNode body = JSON.createObjectNode().put("status", report.up() ? "up" : "down");
        ArrayNode checks = body.putArray("checks");
        for (HealthPart part : report.parts()) {
          checks.addObject().put("name", part.name()).put("status", part.up() ? "up" : "down")
              .put("detail", part.detail());
        }
        body.put("millis", report.millis());
        write(response, report.up() ? 200 : 503, body);
      }
    };
  }

  private static void write(Response response, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
