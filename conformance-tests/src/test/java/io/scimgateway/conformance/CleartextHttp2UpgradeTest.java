package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that offer a cleartext HTTP/2 upgrade ({@code Upgrade: h2c}, the default of Java's HttpClient
 * and of {@code curl --http2}) are served as HTTP/1.1, bodies included.
 */
class CleartextHttp2UpgradeTest {

  @TempDir
  Path data;

  @Test
  void postWithH2cUpgradeOfferIsServedAsHttp11() throws Exception {
    try (TestGateway gateway = TestGateway.start(data)) {
      HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
          .connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest post = HttpRequest.newBuilder(URI.create(gateway.client().base() + "/Users"))
          .timeout(Duration.ofSeconds(10))
          .header("Authorization", "Bearer " + TestGateway.TOKEN)
          .header("Content-Type", "application/scim+json")
          .POST(HttpRequest.BodyPublishers.ofString(UserLifecycleTest.user("h2c@example.com").toString()))
          .build();
      HttpResponse<String> response = http2.send(post, HttpResponse.BodyHandlers.ofString());
      assertEquals(201, response.statusCode(), response.body());
      assertEquals(HttpClient.Version.HTTP_1_1, response.version());
    }
  }
}
