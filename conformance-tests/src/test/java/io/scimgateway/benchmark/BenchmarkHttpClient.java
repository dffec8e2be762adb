package io.scimgateway.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One client thread's connection to a server: a blocking GET of a path-and-query, returning status and
 * body. Three implementations, chosen with {@code -Dbenchmark.client}, because on a 2-core machine the
 * load generator's own CPU time is taken from the server under test:
 *
 * <ul>
 *   <li>{@code socket} (default): {@link SocketHttpClient}, a minimal HTTP/1.1 keep-alive client on a
 *       plain socket; the least CPU per request by far.
 *   <li>{@code urlconnection}: {@link HttpURLConnection} with the JDK's keep-alive cache.
 *   <li>{@code httpclient}: {@code java.net.http.HttpClient}, HTTP/1.1, one shared instance.
 * </ul>
 */
interface BenchmarkHttpClient extends AutoCloseable {

  /**
   * A response. {@code body} may be a buffer the client reuses: valid until its next request.
   */
  record Reply(int status, byte[] body, int length) {

    /** The body as text; the benchmark's bodies are ASCII apart from names, which it never compares. */
    String text() {
      return new String(body, 0, length, StandardCharsets.ISO_8859_1);
    }
  }

  Reply get(String pathAndQuery) throws IOException;

  /** Any method with a SCIM JSON body (null for none); only the socket client sends more than GET. */
  default Reply send(String method, String pathAndQuery, byte[] json) throws IOException {
    if (method.equals("GET") && json == null) {
      return get(pathAndQuery);
    }
    throw new UnsupportedOperationException("use -Dbenchmark.client=socket for " + method);
  }

  @Override
  void close();

  /** A factory for one kind of client against {@code origin} ({@code http://host:port}). */
  static java.util.function.Supplier<BenchmarkHttpClient> factory(String kind, URI origin, String token) {
    return switch (kind) {
      case "socket" -> () -> new SocketHttpClient(origin.getHost(), origin.getPort(), token);
      case "urlconnection" -> () -> new UrlConnectionClient(origin, token);
      case "httpclient" -> {
        HttpClient shared = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
        yield () -> new JdkHttpClient(shared, origin, token);
      }
      default -> throw new IllegalArgumentException(
          "benchmark.client must be socket, urlconnection or httpclient, not " + kind);
    };
  }

  /** {@link HttpURLConnection}; idle connections return to the JDK's keep-alive cache. */
  final class UrlConnectionClient implements BenchmarkHttpClient {
    private final URI origin;
    private final String authorization;

    UrlConnectionClient(URI origin, String token) {
      this.origin = origin;
      this.authorization = "Bearer " + token;
    }

    @Override
    public Reply get(String pathAndQuery) throws IOException {
      HttpURLConnection connection =
          (HttpURLConnection) origin.resolve(pathAndQuery).toURL().openConnection();
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(30_000);
      connection.setRequestProperty("Accept", "application/scim+json");
      connection.setRequestProperty("Authorization", authorization);
      int status = connection.getResponseCode();
      try (InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
        byte[] body = stream == null ? new byte[0] : stream.readAllBytes();
        return new Reply(status, body, body.length);
      }
    }

    @Override
    public void close() {
    }
  }

  /** {@code java.net.http.HttpClient}, blocking {@code send}. */
  final class JdkHttpClient implements BenchmarkHttpClient {
    private final HttpClient http;
    private final URI origin;
    private final String authorization;

    JdkHttpClient(HttpClient http, URI origin, String token) {
      this.http = http;
      this.origin = origin;
      this.authorization = "Bearer " + token;
    }

    @Override
    public Reply get(String pathAndQuery) throws IOException {
      HttpRequest request = HttpRequest.newBuilder(origin.resolve(pathAndQuery))
          .timeout(Duration.ofSeconds(30))
          .header("Accept", "application/scim+json")
          .header("Authorization", authorization)
          .GET()
          .build();
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.body(), response.body().length);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException("interrupted", e));
      }
    }

    @Override
    public void close() {
    }
  }
}
