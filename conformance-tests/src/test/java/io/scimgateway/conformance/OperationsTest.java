package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import io.scimgateway.gateway.auth.StaticTokenAuthenticator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health, metrics and logs of the gateway as its own process, the way a load balancer, a
 * Prometheus server and a log shipper meet it.
 */
class OperationsTest {

  private static final Duration START = Duration.ofSeconds(90);
  private static final String TOKEN = "operations-test-token-0123456789abcdef";
  private static final String PASSWORD = "Operations-Secret-Pa55word!";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path data;

  @Test
  @Needs(Capability.EMBEDDED_STORE)
  void healthMetricsAndAccessLogOverTheEmbeddedStore() throws Exception {
    try (GatewayProcess gateway = GatewayProcess.start(TOKEN, "--port", "0", "--data", data.toString())) {
      URI base = gateway.awaitServing(START);
      URI root = base.resolve("/");
      assertEquals("up", json(get(root.resolve("health/live"), null), 200).path("status").asText());
      assertEquals("up", json(get(root.resolve("health/ready"), null), 200).path("status").asText());

      ScimClient scim = new ScimClient(base, TOKEN);
      ObjectNode user = UserLifecycleTest.user("metrics@example.com").put("password", PASSWORD);
      assertEquals(201, scim.post("/Users", user).status());
      for (int i = 0; i < 3; i++) {
        assertEquals(200, scim.get("/Users", "X-Request-Id", "lookup-" + i).status());
      }
      ScimResponse refused = scim.withToken("wrong-token").get("/Users");
      assertEquals(401, refused.status());
      assertTrue(refused.header("X-Request-Id").isPresent(), "an id is made when none is sent");

      PrometheusText metrics = new PrometheusText(get(root.resolve("metrics"), null).body());
      assertEquals(3.0, metrics.value("scim_gateway_http_requests_seconds_count",
          "endpoint=\"/Users\",method=\"GET\",status=\"200\""));
      assertEquals(1.0, metrics.value("scim_gateway_http_requests_seconds_count",
          "endpoint=\"/Users\",method=\"POST\",status=\"201\""));
      assertEquals(1.0, metrics.value("scim_gateway_http_requests_seconds_count",
          "endpoint=\"/Users\",method=\"GET\",status=\"401\""));
      assertTrue(metrics.has("scim_gateway_http_requests_seconds_bucket", "le="), "histogram buckets");
      assertTrue(metrics.has("hikaricp_connections", "scim-gateway-sqlite-writer"), "pool use");
      assertTrue(metrics.has("jvm_memory_used_bytes", "area="), "JVM");

      try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("scim-gateway.db"));
           Statement statement = lock.createStatement()) {
        statement.execute("BEGIN EXCLUSIVE");
        JsonNode down = json(get(root.resolve("health/ready"), null), 503);
        assertEquals("down", down.path("status").asText());
        assertTrue(down.toString().contains("\"name\":\"database\",\"status\":\"down\""), down::toString);
        statement.execute("ROLLBACK");
      }
      awaitReady(root);

      String output = gateway.output();
      assertTrue(output.contains("\"requestId\":\"lookup-2\""), output);
      assertTrue(output.contains("\"loggerName\":\"io.scimgateway.access\""), output);
      for (String secret : List.of(TOKEN, PASSWORD, "wrong-token")) {
        assertFalse(output.contains(secret), "the log holds a secret: " + secret);
      }
    }
  }

  /** Over an Appwrite emulator of its own whatever the suite's backend, so once, with the platforms' tests. */
  @Test
  @Tag("platform")
  void readyNamesTheUnreachablePlatformAndMetricsNeedTheirOwnToken() throws Exception {
    AppwriteEmulator emulator = new AppwriteEmulator("operations", "operations-key").start();
    String metricsToken = "metrics-scrape-token-0123456789abcdefgh";
    Path config = data.resolve("gateway.yaml");
    ObjectNode backend = AppwritePlatform.section(emulator, data);
    Files.writeString(config, "backend: " + backend + "\n"
        + "metrics: {tokenHash: " + StaticTokenAuthenticator.sha256Hex(metricsToken) + "}\n"
        + "logging: {format: text, level: info}\n");
    try (GatewayProcess gateway = GatewayProcess.start(TOKEN, "--port", "0", "--data", data.toString(),
        "--config", config.toString())) {
      URI base = gateway.awaitServing(START);
      URI root = base.resolve("/");
      assertEquals(200, get(root.resolve("health/ready"), null).statusCode());
      assertEquals(200, new ScimClient(base, TOKEN).get("/Users").status());

      assertEquals(401, get(root.resolve("metrics"), TOKEN).statusCode());
      HttpResponse<String> scraped = get(root.resolve("metrics"), metricsToken);
      assertEquals(200, scraped.statusCode());
      PrometheusText metrics = new PrometheusText(scraped.body());
      assertTrue(metrics.has("scim_gateway_backend_calls_seconds_count",
          "operation=\"GET /users\",outcome=\"2xx\",platform=\"appwrite\""), scraped.body());

      emulator.close();
      JsonNode down = json(get(root.resolve("health/ready"), null), 503);
      assertTrue(down.toString().contains("\"name\":\"backend\",\"status\":\"down\""), down::toString);
      assertTrue(gateway.output().contains(" INFO  ") && gateway.output().contains("io.scimgateway.access"),
          gateway.output());
      assertTrue(gateway.output().contains("method=\"GET\" path=\"/scim/v2/Users\" status=\"200\""),
          "plain text shows the access line's fields: " + gateway.output());
    } finally {
      emulator.close();
    }
  }

  /**
   * A remote platform's calls wait on the network, so the gateway works on as many requests at once
   * as it may have platform calls in flight ({@code maxInFlight}, 16 by default), not only on its HTTP
   * server's default of two per core. Twelve lookups sent together, each platform call held for a
   * second, reach the platform together.
   */
  @Test
  @Tag("platform")
  void requestsToASlowPlatformAreWorkedOnTogether() throws Exception {
    AppwriteEmulator emulator = new AppwriteEmulator("operations", "operations-key").start();
    Path config = data.resolve("gateway.yaml");
    Files.writeString(config, "backend: " + AppwritePlatform.section(emulator, data) + "\n");
    int lookups = 12;
    ExecutorService clients = Executors.newFixedThreadPool(lookups);
    try (GatewayProcess gateway = GatewayProcess.start(TOKEN, "--port", "0", "--data", data.toString(),
        "--config", config.toString())) {
      ScimClient scim = new ScimClient(gateway.awaitServing(START), TOKEN);
      assertEquals(200, scim.get("/Users?filter=userName%20eq%20%22warm-up%22").status());
      emulator.faults().delayNext(lookups, Duration.ofSeconds(1));
      List<Future<ScimResponse>> answers = new ArrayList<>();
      for (int i = 0; i < lookups; i++) {
        String filter = "userName%20eq%20%22nobody" + i + "%22";
        answers.add(clients.submit(() -> scim.get("/Users?filter=" + filter)));
      }
      for (Future<ScimResponse> answer : answers) {
        assertEquals(200, answer.get(60, TimeUnit.SECONDS).status());
      }
      assertEquals(lookups, emulator.mostInFlight(), "platform calls in flight at once");
    } finally {
      clients.shutdownNow();
      emulator.close();
    }
  }

  /**
   * The three switches an overhead comparison turns off: changes made unrecorded (the events of
   * before stay readable), no meters and no {@code /metrics}, no access line.
   */
  @Test
  @Needs(Capability.EMBEDDED_STORE)
  void auditMetricsAndAccessLogTurnOff() throws Exception {
    Path config = data.resolve("quiet.yaml");
    Files.writeString(config, "audit: {enabled: false}\n"
        + "metrics: {enabled: false}\n"
        + "logging: {levels: {io.scimgateway.access: warn}}\n");
    try (GatewayProcess gateway = GatewayProcess.start(TOKEN, "--port", "0", "--data", data.toString(),
        "--config", config.toString())) {
      URI base = gateway.awaitServing(START);
      ScimClient scim = new ScimClient(base, TOKEN);
      assertEquals(201, scim.post("/Users", UserLifecycleTest.user("quiet@example.com")).status());
      assertEquals(200, scim.get("/Users", "X-Request-Id", "quiet-lookup").status());
      ScimResponse events = scim.get("/AuditEvents");
      assertEquals(200, events.status(), events::toString);
      assertEquals(0, events.json().path("totalResults").asInt(), events::toString);
      assertEquals(404, get(base.resolve("/metrics"), null).statusCode());
      assertFalse(gateway.output().contains("io.scimgateway.access"), gateway.output());
    }
  }

  private static void awaitReady(URI root) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      status = get(root.resolve("health/ready"), null).statusCode();
    }
    assertEquals(200, status);
  }

  private static HttpResponse<String> get(URI uri, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return JSON.readTree(response.body());
  }
}
