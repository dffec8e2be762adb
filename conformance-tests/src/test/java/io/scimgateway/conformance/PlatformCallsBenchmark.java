package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimJson.q;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.conformance.CallTable.Row;
import io.scimgateway.emulator.EmulatorRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The platform calls each {@link CallTable} request costs on every remote backend, with
 * {@code benchmark.platformUsers} (default 1,000) users on the platform, and what the gateway adds to
 * a {@code userName eq} lookup: the same lookups one at a time through the gateway and as the first
 * platform call the gateway made for it, sent again straight to the emulator (on brainCloud that
 * packet is answered from the answer the emulator kept). The calls are counted with the gateway in
 * this JVM; the lookups are timed through a gateway process started as README says, over the same
 * emulator. Prints p50 of both and the difference (goal: under 1 ms); a benchmark, not a test of the
 * build ({@code -Pbenchmark}).
 */
@Tag("benchmark")
class PlatformCallsBenchmark {

  /**
   * Lookups before the timed rounds: a fresh gateway process runs slowly until its JIT has compiled the
   * request path, which on 2 cores takes well over 2,000 lookups ({@code benchmark.warmUp}).
   */
  private static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 10_000);

  /** What every answer to the timed lookup contains: the user looked up. */
  private static final String LOOKED_UP = "seed500@example.com";

  /** Rounds of lookups, alternating gateway and emulator. */
  private static final int ROUNDS = 5;

  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect",
      "upgrade");

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void callsPerRequest() throws Exception {
    int users = Integer.getInteger("benchmark.platformUsers", 1_000);
    int lookups = Integer.getInteger("benchmark.lookups", 2_000);
    List<String> rows = new ArrayList<>();
    List<String> latencies = new ArrayList<>();
    List<String> names = List.of(System.getProperty("benchmark.platforms",
        String.join(",", SeededPlatform.NAMES)).split(","));
    for (String name : names) {
      try (SeededPlatform platform = SeededPlatform.start(name, users,
          Files.createTempDirectory(name + "-calls-"))) {
        Map<Row, SeededPlatform.Calls> calls = CallTable.run(platform, new ArrayList<>());
        calls.forEach((row, made) -> rows.add(String.format("%-10s %-45s %5d   (goal %d)", name,
            row.request, made.count(), CallTable.goal(row, name))));
        latencies.add(latency(platform, lookups));
        System.out.println(latencies.get(latencies.size() - 1));
      }
    }
    System.out.println("==== platform calls per SCIM request, " + users + " users on the platform:");
    rows.forEach(System.out::println);
    System.out.println("==== userName eq lookup, " + lookups + " one at a time (goal: under 1 ms added at p50):");
    latencies.forEach(System.out::println);
  }

  /**
   * Lookups through a gateway of its own, started as README says (its start script, no JVM options)
   * over the same emulator, and the same platform call sent straight to the emulator, in alternating
   * rounds so that both meet the same machine; the median of the rounds' p50s.
   */
  private String latency(SeededPlatform platform, int lookups) throws Exception {
    Path data = Files.createTempDirectory(platform.name() + "-latency-");
    ObjectNode configuration = JsonNodeFactory.instance.objectNode();
    configuration.set("backend", platform.backendSection());
    // JSON is YAML: the configuration file is the section as the in-process gateway used it.
    Path config = Files.writeString(data.resolve("gateway.yaml"), configuration.toPrettyString());
    try (GatewayProcess process = GatewayProcess.startAsReadmeSays(
        Map.of("SCIM_GATEWAY_TOKEN", TestGateway.TOKEN), "--config", config.toString(),
        "--data", data.toString(), "--port", "0")) {
      URI gateway = URI.create(process.awaitServing(Duration.ofSeconds(60)) + "/Users?filter="
          + q("userName eq \"" + SeededPlatform.userName(500) + "\""));
      HttpRequest viaGateway = HttpRequest.newBuilder(gateway)
          .header("Authorization", "Bearer " + TestGateway.TOKEN).timeout(Duration.ofSeconds(30)).build();
      send(viaGateway); // the gateway's first platform calls fetch tokens and sessions
      SeededPlatform.Calls made = platform.callsOf(() -> send(viaGateway));
      int calls = made.count();
      List<EmulatorRequest> recent = platform.recent();
      // The lookup's first call; a brainCloud session's authentication is not part of it.
      EmulatorRequest first = recent.subList(recent.size() - calls, recent.size()).stream()
          .filter(request -> !new String(request.body(), StandardCharsets.UTF_8).contains("authenticationV2"))
          .findFirst().orElseThrow();
      Supplier<HttpRequest> direct = platform.name().equals("braincloud") ? new Packets(first)
          : () -> again(first, first.body());
      for (int i = 0; i < WARM_UP; i++) {
        send(viaGateway);
      }
      URI root = gateway.resolve("/");
      HttpRequest gatewayOnly = HttpRequest.newBuilder(root.resolve("/health/live"))
          .timeout(Duration.ofSeconds(30)).build();
      PrometheusText before = metrics(root);
      double[] gatewayP50 = new double[ROUNDS];
      double[] directP50 = new double[ROUNDS];
      double[] aloneP50 = new double[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        gatewayP50[round] = p50(() -> viaGateway, lookups / ROUNDS);
        directP50[round] = p50(direct, lookups / ROUNDS);
        aloneP50[round] = p50(() -> gatewayOnly, lookups / ROUNDS, "\"up\"");
      }
      PrometheusText after = metrics(root);
      double through = median(gatewayP50);
      double straight = median(directP50);
      return String.format("%-10s through the gateway p50 %.3f ms (%d platform calls); directly p50 %.3f ms;"
          + " added %.3f ms%n           of which: /health/live round trip p50 %.3f ms; inside the gateway"
          + " mean %.3f ms, its platform calls mean %.3f ms", platform.name(), through, calls, straight,
          through - straight, median(aloneP50),
          meanMillis(before, after, "scim_gateway_http_requests", "endpoint=\"/Users\",method=\"GET\",status=\"200\""),
          meanMillis(before, after, "scim_gateway_backend_calls", "outcome=\"2xx\""));
    }
  }

  /** The mean time of what a timer recorded between two scrapes, in milliseconds. */
  private static double meanMillis(PrometheusText before, PrometheusText after, String timer, String label) {
    double count = after.total(timer + "_seconds_count", label) - before.total(timer + "_seconds_count", label);
    double sum = after.total(timer + "_seconds_sum", label) - before.total(timer + "_seconds_sum", label);
    return count == 0 ? Double.NaN : sum / count * 1000;
  }

  private PrometheusText metrics(URI root) {
    return new PrometheusText(sendAny(HttpRequest.newBuilder(root.resolve("/metrics"))
        .timeout(Duration.ofSeconds(30)).build()));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** {@code request} as the emulator received it, with {@code body}, to be sent again. */
  private static HttpRequest again(EmulatorRequest request, byte[] body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(Duration.ofSeconds(30))
        .method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    request.headers().forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase())) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    return builder.build();
  }

  /** A short warm-up, then the median of {@code lookups} timed ones. */
  private double p50(Supplier<HttpRequest> requests, int lookups) {
    return p50(requests, lookups, LOOKED_UP);
  }

  private double p50(Supplier<HttpRequest> requests, int lookups, String expected) {
    for (int i = 0; i < 50; i++) {
      send(requests.get(), expected);
    }
    double[] millis = new double[lookups];
    for (int i = 0; i < lookups; i++) {
      HttpRequest request = requests.get();
      long start = System.nanoTime();
      send(request, expected);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[lookups / 2];
  }

  private String send(HttpRequest request) {
    return send(request, LOOKED_UP);
  }

  /** Sends {@code request} and checks that it succeeded with an answer that contains {@code expected}. */
  private String send(HttpRequest request, String expected) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300 || !response.body().contains(expected)) {
        throw new AssertionError(response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * brainCloud answers a packet id once: the gateway's packet is sent again in a session of its own,
   * each time with the next packet id, so that brainCloud runs its messages every time.
   */
  private final class Packets implements Supplier<HttpRequest> {

    private final EmulatorRequest packet;
    private final String sessionId;
    private long packetId = 1;

    Packets(EmulatorRequest packet) {
      this.packet = packet;
      ObjectNode auth = ScimJson.object().put("packetId", 0);
      auth.putArray("messages").addObject().put("service", "authenticationV2").put("operation", "AUTHENTICATE")
          .putObject("data").put("appId", "10000").put("serverName", "gateway").put("serverSecret", "emulator-secret");
      String answer = sendAny(again(packet, auth.toString().getBytes(StandardCharsets.UTF_8)));
      this.sessionId = ScimJson.parse(answer).at("/messageResponses/0/data/sessionId").asText();
    }

    @Override
    public HttpRequest get() {
      ObjectNode body = (ObjectNode) ScimJson.parse(new String(packet.body(), StandardCharsets.UTF_8));
      body.put("sessionId", sessionId).put("packetId", packetId++);
      return again(packet, body.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private String sendAny(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
