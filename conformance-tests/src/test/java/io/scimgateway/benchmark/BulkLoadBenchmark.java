package io.scimgateway.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * HR-sync volume through {@code POST /Bulk}: users created 1,000 operations a request, one request at
 * a time, into a fresh embedded store with its default (fully synchronous) durability. Prints users per
 * second, request latencies and the gateway's resident memory; a benchmark, not a timed test. Size with
 * {@code -Dbenchmark.bulkUsers=100000}.
 */
@Tag("benchmark")
class BulkLoadBenchmark {

  static final String TOKEN = "bulk-benchmark-token-0123456789abcdef";
  private static final Pattern READY = Pattern.compile("Serving SCIM at (\\S+)");
  private static final int PER_REQUEST = 1_000;

  @Test
  void loadUsersThroughBulk() throws Exception {
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    int users = Integer.getInteger("benchmark.bulkUsers", 100_000);
    Path data = Files.createTempDirectory(settings.dataRoot().getParent(), "bulk-load-");
    List<String> arguments = List.of("-jar", settings.gatewayJar().toString(), "--data",
        data.toString(), "--port", "0");
    try (ServerProcess gateway = ServerProcess.start("gateway", settings.jvmOptions(), arguments,
            Map.of("SCIM_GATEWAY_TOKEN", TOKEN), READY);
        MemorySampler memory = new MemorySampler(gateway.pid(), 200)) {
      URI bulk = URI.create(gateway.awaitReady(Duration.ofSeconds(60)) + "/Bulk");
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<Double> millis = new ArrayList<>();
      int created = 0;
      long start = System.nanoTime();
      for (int first = 0; first < users; first += PER_REQUEST) {
        long begin = System.nanoTime();
        String body = client.send(request(bulk, first, Math.min(PER_REQUEST, users - first)),
            HttpResponse.BodyHandlers.ofString()).body();
        millis.add((System.nanoTime() - begin) / 1e6);
        created += count(body, "\"status\":\"201\"");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Collections.sort(millis);
      System.out.printf("==== bulk load: %,d of %,d users created in %.1f s = %,.0f users/s "
          + "(%d requests of %d; p50 %.0f ms, p99 %.0f ms per request)%n", created, users, seconds,
          created / seconds, millis.size(), PER_REQUEST, millis.get(millis.size() / 2),
          millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.99) - 1)));
      memory.sample();
      System.out.printf("JVM options: %s; gateway peak sampled VmRSS %d MB; target: 100,000 users "
          + "in under 30 s%n", String.join(" ", settings.jvmOptions()), memory.peakSampledRssKb() / 1024);
      if (created != users) {
        throw new AssertionError("Only " + created + " of " + users + " creates succeeded");
      }
    } finally {
      deleteAll(data);
    }
  }

  /** A /Bulk request creating users {@code first} to {@code first + count - 1} (userName hr<n>@example.com). */
  static HttpRequest request(URI bulk, int first, int count) {
    StringBuilder body = new StringBuilder("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
        + "BulkRequest\"],\"Operations\":[");
    for (int i = first; i < first + count; i++) {
      body.append(i == first ? "" : ",").append("{\"method\":\"POST\",\"path\":\"/Users\",")
          .append("\"bulkId\":\"u").append(i).append("\",\"data\":{\"schemas\":[\"urn:ietf:params:")
          .append("scim:schemas:core:2.0:User\"],\"userName\":\"hr").append(i)
          .append("@example.com\",\"externalId\":\"e").append(i).append("\",\"name\":{\"givenName\":")
          .append("\"Given").append(i).append("\",\"familyName\":\"Family\"},\"emails\":[{\"value\":")
          .append("\"hr").append(i).append("@example.com\",\"type\":\"work\"}],\"active\":true}}");
    }
    body.append("]}");
    return HttpRequest.newBuilder(bulk).header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/scim+json").timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
  }

  static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }

  private static void deleteAll(Path directory) throws IOException {
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
