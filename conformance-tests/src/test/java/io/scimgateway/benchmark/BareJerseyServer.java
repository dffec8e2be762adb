package io.scimgateway.benchmark;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The baseline: the same Grizzly and Jersey the gateway runs on, serving one fixed JSON body about the
 * size of a one-user ListResponse at {@code GET /scim/v2/Users}. Run as its own process with the same
 * JVM options as the gateway. Argument: the port (0 picks a free one). Prints the URL it serves at.
 */
public final class BareJerseyServer {

  static final String ANNOUNCEMENT = "Bare Jersey serving at ";

  /** A ListResponse holding one user, shaped like the gateway's. */
  static final String BODY = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
      + "\"totalResults\":1,\"itemsPerPage\":1,\"startIndex\":1,\"Resources\":[{"
      + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
      + "\"id\":\"5f0c6c1e-2b7a-4f7e-9a55-3c1d2e4b6a70\",\"userName\":\"user4242@example.com\","
      + "\"externalId\":\"ext-4242\",\"displayName\":\"Kaibrea Threashoumo\","
      + "\"name\":{\"givenName\":\"Kaibrea\",\"familyName\":\"Threashoumo\","
      + "\"formatted\":\"Kaibrea Threashoumo\"},"
      + "\"emails\":[{\"value\":\"user4242@example.com\",\"type\":\"work\",\"primary\":true}],"
      + "\"active\":true,\"meta\":{\"resourceType\":\"User\",\"created\":\"2025-01-01T10:00:00.123Z\","
      + "\"lastModified\":\"2025-01-01T10:00:00.123Z\",\"version\":\"W/\\\"1\\\"\","
      + "\"location\":\"http://127.0.0.1:40000/scim/v2/Users/5f0c6c1e-2b7a-4f7e-9a55-3c1d2e4b6a70\"}}]}";

  private BareJerseyServer() {
  }

  /** One singleton resource, as the gateway's endpoints are. */
  @Path("/scim/v2/Users")
  @Singleton
  public static final class FixedUsers {
    @GET
    @Produces("application/scim+json")
    public String list() {
      return BODY;
    }
  }

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    ResourceConfig config = new ResourceConfig().register(new FixedUsers());
    config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:" + port + "/"), config, true);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.shutdown(5, TimeUnit.SECONDS).get(6, TimeUnit.SECONDS);
      } catch (Exception e) {
        server.shutdownNow();
      }
      stopped.countDown();
    }, "bare-jersey-shutdown"));
    System.out.println(ANNOUNCEMENT + "http://127.0.0.1:"
        + server.getListeners().iterator().next().getPort() + "/scim/v2");
    System.out.flush();
    stopped.await();
  }
}
