package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small HTTP client for the gateway under test: real requests over a real socket. Headers are given
 * as name/value pairs; the bearer token is sent unless the test sets its own Authorization.
 */
final class ScimClient {

  static final String SCIM_JSON = "application/scim+json";

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final URI base;
  private final String token;

  ScimClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same gateway with another token (null: none). */
  ScimClient withToken(String otherToken) {
    return new ScimClient(base, otherToken);
  }

  URI base() {
    return base;
  }

  ScimResponse get(String path, String... headers) {
    return send("GET", path, null, SCIM_JSON, headers);
  }

  ScimResponse post(String path, Object body, String... headers) {
    return send("POST", path, body, SCIM_JSON, headers);
  }

  ScimResponse put(String path, Object body, String... headers) {
    return send("PUT", path, body, SCIM_JSON, headers);
  }

  ScimResponse patch(String path, Object body, String... headers) {
    return send("PATCH", path, body, SCIM_JSON, headers);
  }

  ScimResponse delete(String path, String... headers) {
    return send("DELETE", path, null, SCIM_JSON, headers);
  }

  /**
   * Sends any request. {@code body} may be a {@link JsonNode}, a String (sent as is) or null;
   * {@code path} is relative to the SCIM base ("/Users") or an absolute URL.
   */
  ScimResponse send(String method, String path, Object body, String contentType, String... headers) {
    URI uri = path.startsWith("http") ? URI.create(path) : URI.create(base + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    List<String> names = new ArrayList<>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      names.add(headers[i].toLowerCase());
      if (headers[i].equalsIgnoreCase("authorization")) {
        UsedSecrets.token(headers[i + 1].replaceFirst("(?i)^bearer\\s+", ""));
      }
    }
    if (token != null && !names.contains("authorization")) {
      request.header("Authorization", "Bearer " + token);
      UsedSecrets.token(token);
    }
    if (!names.contains("accept")) {
      request.header("Accept", SCIM_JSON);
    }
    if (body != null) {
      UsedSecrets.body(body.toString());
      request.header("Content-Type", contentType);
      request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return ScimResponse.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
