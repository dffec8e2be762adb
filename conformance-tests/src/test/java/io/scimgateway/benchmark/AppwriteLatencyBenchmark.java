package io.scimgateway.benchmark;

import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the gateway adds to a {@code userName eq} lookup over Appwrite: one client, one lookup at a
 * time, first straight to the Appwrite emulator with the query the adapter sends, then through the
 * gateway (its own process) to the same emulator. Prints p50 and p99 of both and the difference; a
 * benchmark, not a timed test. The gateway's lookup includes the user's teams, which Appwrite serves
 * with a second call. Size with {@code -Dbenchmark.appwriteUsers=1000 -Dbenchmark.lookups=5000}.
 */
@Tag("benchmark")
class AppwriteLatencyBenchmark {

  private static final String TOKEN = "appwrite-benchmark-token-0123456789";
  private static final Pattern READY = Pattern.compile("Serving SCIM at (\\S+)");

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void lookupLatencyAddedByTheGateway() throws Exception {
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    int users = Integer.getInteger("benchmark.appwriteUsers", 1_000);
    int lookups = Integer.getInteger("benchmark.lookups", 5_000);
    Path data = Files.createTempDirectory(settings.dataRoot().getParent(), "appwrite-latency-");
    try (AppwriteEmulator appwrite = new AppwriteEmulator("benchmark", "benchmark-key").start()) {
      Path key = Files.writeString(data.resolve("api-key"), appwrite.apiKey());
      Path config = Files.writeString(data.resolve("gateway.yaml"), String.join("\n",
          "backend:", "  type: appwrite", "  endpoint: " + appwrite.baseUri(), "  projectId: benchmark",
          "  apiKeyFile: " + key, ""));
      try (ServerProcess gateway = ServerProcess.start("gateway", settings.jvmOptions(),
          List.of("-jar", settings.gatewayJar().toString(), "--config", config.toString(),
              "--data", data.toString(), "--port", "0"),
          Map.of("SCIM_GATEWAY_TOKEN", TOKEN), READY)) {
        URI base = gateway.awaitReady(Duration.ofSeconds(60));
        for (int i = 0; i < users; i++) {
          send(HttpRequest.newBuilder(URI.create(base + "/Users")).POST(HttpRequest.BodyPublishers.ofString(
              "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"user" + i
                  + "@example.com\",\"displayName\":\"User " + i + "\"}"))
              .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/scim+json"));
        }
        LookupTimes direct = measure(lookups, users, i -> HttpRequest.newBuilder(URI.create(
                appwrite.baseUri() + "/users?queries%5B0%5D=" + encode("{\"method\":\"equal\",\"attribute\":"
                    + "\"email\",\"values\":[\"user" + i + "@example.com\"]}")))
            .header("X-Appwrite-Project", "benchmark").header("X-Appwrite-Key", appwrite.apiKey()));
        LookupTimes viaGateway = measure(lookups, users, i -> HttpRequest.newBuilder(URI.create(
                base + "/Users?filter=" + encode("userName eq \"user" + i + "@example.com\"")))
            .header("Authorization", "Bearer " + TOKEN));
        System.out.printf("==== appwrite lookup (userName eq, %,d users, %,d sequential lookups): direct "
                + "p50 %.3f ms p99 %.3f ms; through the gateway p50 %.3f ms p99 %.3f ms; added p50 %.3f ms "
                + "(goal: under 1 ms)%n", users, lookups, direct.p50(), direct.p99(), viaGateway.p50(),
            viaGateway.p99(), viaGateway.p50() - direct.p50());
      }
    }
  }

  private record LookupTimes(double p50, double p99) {
  }

  @FunctionalInterface
  private interface Lookup {
    HttpRequest.Builder request(int user);
  }

  /** A warm-up of a fifth of the lookups, then {@code lookups} timed ones over all users in turn. */
  private LookupTimes measure(int lookups, int users, Lookup lookup) throws Exception {
    for (int i = 0; i < lookups / 5; i++) {
      send(lookup.request(i % users));
    }
    double[] millis = new double[lookups];
    for (int i = 0; i < lookups; i++) {
      long start = System.nanoTime();
      String body = send(lookup.request((i * 7919) % users));
      millis[i] = (System.nanoTime() - start) / 1e6;
      if (!body.contains("@example.com")) {
        throw new AssertionError("lookup found nothing: " + body);
      }
    }
    Arrays.sort(millis);
    return new LookupTimes(millis[lookups / 2], millis[(int) (lookups * 0.99)]);
  }

  private String send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new AssertionError(response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
