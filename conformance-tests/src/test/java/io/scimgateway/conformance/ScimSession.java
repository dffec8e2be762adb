package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link ScimClient} that remembers every response it received, so that a test class can check at
 * the end that the gateway never answered {@code 500}. It can also send requests the plain client
 * cannot: a body streamed with chunked transfer encoding.
 */
final class ScimSession {

  private final ScimClient client;
  private final String token;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  ScimSession(ScimClient client, String token) {
    this.client = client;
    this.token = token;
  }

  static ScimSession of(TestGateway gateway) {
    return new ScimSession(gateway.client(), TestGateway.TOKEN);
  }

  URI base() {
    return client.base();
  }

  ScimResponse get(String path, String... headers) {
    return record("GET", path, client.get(path, headers));
  }

  ScimResponse post(String path, Object body, String... headers) {
    return record("POST", path, client.post(path, body, headers));
  }

  ScimResponse put(String path, Object body, String... headers) {
    return record("PUT", path, client.put(path, body, headers));
  }

  ScimResponse patch(String path, Object body, String... headers) {
    return record("PATCH", path, client.patch(path, body, headers));
  }

  ScimResponse delete(String path, String... headers) {
    return record("DELETE", path, client.delete(path, headers));
  }

  ScimResponse send(String method, String path, Object body, String contentType, String... headers) {
    return record(method, path, client.send(method, path, body, contentType, headers));
  }

  /**
   * Sends {@code body} without a Content-Length: the JDK client then uses
   * {@code Transfer-Encoding: chunked}, as a streaming client would.
   */
  ScimResponse sendChunked(String method, String path, byte[] body, String contentType) {
    URI uri = URI.create(base() + path);
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Accept", ScimClient.SCIM_JSON)
        .header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .build();
    try {
      return record(method, path + " (chunked)",
          ScimResponse.of(http.send(request, HttpResponse.BodyHandlers.ofString())));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Fails when any response this session received was a 5xx. */
  void assertNoServerErrors() {
    List<String> serverErrors;
    synchronized (log) {
      serverErrors = log.stream().filter(line -> line.startsWith("5")).collect(Collectors.toList());
    }
    assertTrue(serverErrors.isEmpty(), () -> "The gateway answered with server errors:\n"
        + String.join("\n", serverErrors));
  }

  private ScimResponse record(String method, String path, ScimResponse response) {
    log.add(response.status() + " for " + method + " " + path + ": " + response.body());
    return response;
  }
}
