package io.scimgateway.conformance;

import static io.scimgateway.conformance.PasswordExtensionTest.reset;
import static io.scimgateway.conformance.PasswordExtensionTest.withPassword;
import static io.scimgateway.conformance.ScimAssertions.assertScimError;
import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scimgateway.gateway.GatewayServer;
import io.scimgateway.gateway.config.GatewayConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook reset sink against a real HTTP server on loopback: what it POSTs and signs, and that a
 * delivery that fails is a 502 that leaves no usable token behind.
 */
@Needs(Capability.RESET_TOKENS)
class ResetSinkTest {

  private static final String SECRET_VARIABLE = "SCIM_GATEWAY_TEST_RESET_SECRET";
  private static final String SECRET = "a-webhook-signing-secret-of-more-than-32-characters";

  @TempDir
  Path data;

  private HttpServer webhook;
  private final List<Received> received = new ArrayList<>();
  private volatile int answer = 204;

  /** One POST the webhook received. */
  private record Received(String signature, String contentType, byte[] body) {
  }

  @BeforeEach
  void startWebhook() throws IOException {
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/reset", this::receive);
    webhook.start();
  }

  @AfterEach
  void stopWebhook() {
    webhook.stop(0);
  }

  private void receive(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    synchronized (received) {
      received.add(new Received(exchange.getRequestHeaders().getFirst("X-Scim-Gateway-Signature"),
          exchange.getRequestHeaders().getFirst("Content-Type"), body));
    }
    exchange.sendResponseHeaders(answer, -1);
    exchange.close();
  }

  @Test
  void eachResetIsPostedOnceAsSignedJson() {
    withWebhookGateway(client -> {
      ScimResponse created = client.post("/Users", withPassword(minimalUser("hal@example.com"),
          reset()));
      assertStatus(201, created);
      assertEquals(1, received.size());
      Received delivery = received.get(0);
      assertEquals("sha256=" + hmac(delivery.body()), delivery.signature());
      assertTrue(delivery.contentType().startsWith("application/json"), delivery.contentType());
      JsonNode json = ScimJson.parse(new String(delivery.body(), StandardCharsets.UTF_8));
      assertEquals(created.text("id"), json.path("userId").asText());
      assertEquals("hal@example.com", json.path("userName").asText());
      assertTrue(json.path("token").asText().matches("[A-Za-z0-9_-]{22,}"), json::toString);
      assertTrue(Instant.parse(json.path("expires").asText()).isAfter(Instant.now()), json::toString);
      assertFalse(created.body().contains(json.path("token").asText()));
    });
  }

  @Test
  @Needs(Capability.EMBEDDED_STORE)
  void aRefusedDeliveryIs502AndTheTokenIsWithdrawn() throws Exception {
    answer = 500;
    withWebhookGateway(client -> {
      ScimResponse created = client.post("/Users", withPassword(minimalUser("ida@example.com"),
          reset()));
      assertScimError(created, 502);
      String detail = created.text("detail");
      assertTrue(detail.contains("could not be delivered") && detail.contains("HTTP 500")
          && detail.contains("withdrawn"), detail);
      assertEquals(1, received.size());
      String token = ScimJson.parse(new String(received.get(0).body(), StandardCharsets.UTF_8))
          .path("token").asText();
      assertFalse(created.body().contains(token));

      JsonNode found = client.get("/Users?filter=" + q("userName eq \"ida@example.com\"")).json();
      assertEquals(1, found.path("totalResults").asInt(), "the user was written: " + found);
      assertEquals(0, new StoredPasswords(data).resetCount(), "no usable token is left behind");
    });
  }

  @Test
  @Needs(Capability.EMBEDDED_STORE)
  void anUnreachableWebhookIs502() {
    withWebhookGateway(client -> {
      webhook.stop(0);
      ScimResponse created = client.post("/Users", withPassword(minimalUser("jo@example.com"),
          reset()));
      assertScimError(created, 502);
      assertTrue(created.text("detail").contains("could not be reached"), created::toString);
      assertEquals(0, new StoredPasswords(data).resetCount());
    });
  }

  @Test
  void aWebhookWithoutItsSecretStopsTheGatewayAtStart() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> GatewayServer.start(config(), TestGateway.TOKEN, name -> null).close());
    assertTrue(refused.getMessage().contains(SECRET_VARIABLE), refused.getMessage());
  }

  private void withWebhookGateway(Consumer<ScimClient> test) {
    Map<String, String> environment = Map.of(SECRET_VARIABLE, SECRET);
    try (GatewayServer server = GatewayServer.start(config(), TestGateway.TOKEN, environment::get)) {
      test.accept(new ScimClient(server.baseUri(), TestGateway.TOKEN));
    }
  }

  private GatewayConfig config() {
    return TestGateway.config(data).withPasswordReset(new GatewayConfig.PasswordReset("webhook",
        new GatewayConfig.Webhook(webhookUrl(), SECRET_VARIABLE, 5)));
  }

  private String webhookUrl() {
    return "http://127.0.0.1:" + webhook.getAddress().getPort() + "/reset";
  }

  private static String hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
