package io.scimgateway.benchmark;

import static org.junit.jupiter.api.Assertions.fail;

import io.scimgateway.benchmark.LoadRun.Request;
import io.scimgateway.conformance.GatewayProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole write and memory run, in one go, against the gateway started exactly as README says
 * ({@code gateway/target/scim-gateway}, no JVM options) on a fresh embedded store with its default
 * {@code synchronous: full}. Load comes from this process. In order:
 *
 * <ol>
 *   <li>/Bulk: {@code benchmark.users} users (100,000), 1,000 per request, one request at a time;
 *   <li>{@code userName eq} lookups and the page at {@code startIndex} = 90 % + 1, 16 connections;
 *   <li>a cursor walk over every user;
 *   <li>PATCH {@code active} of random users, and creates of new users, 4 connections each;
 * </ol>
 *
 * and the peak resident memory of the gateway's processes through all of it. Prints a table against
 * the targets; fails only when requests fail. Sizes and times via {@link BenchmarkSettings}.
 */
@Tag("benchmark")
class WriteBenchmark {

  private static final String TOKEN = "write-benchmark-token-0123456789abcdef";
  private static final Pattern READY = Pattern.compile("Serving SCIM at (\\S+)");
  private static final int PER_BULK = 1_000;
  private static final int WRITERS = 4;
  private static final int READERS = 16;

  private final List<String> table = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private long serverPid;

  @Test
  @Timeout(value = 60, unit = TimeUnit.MINUTES)
  void writesAndMemory() throws Exception {
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    int users = settings.users();
    Path data = Files.createTempDirectory(Files.createDirectories(settings.dataRoot()), "write-run-");
    List<String> arguments = List.of("--data", data.toString(), "--port", "0");
    System.out.printf("%n==== scim-gateway write and memory benchmark: %,d users, gateway started as "
        + "'%s' ====%n", users, GatewayProcess.startScript(settings.gatewayJar()));
    System.out.println("load average before: " + loadAverage());
    try (ServerProcess gateway = ServerProcess.startGatewayAsReadmeSays(settings.gatewayJar(),
            arguments, Map.of("SCIM_GATEWAY_TOKEN", TOKEN), READY);
        MemorySampler memory = new MemorySampler(gateway.pid(), 100)) {
      URI base = gateway.awaitReady(Duration.ofSeconds(90));
      serverPid = gateway.servingPid();
      String prefix = base.getPath();
      Supplier<BenchmarkHttpClient> connections = BenchmarkHttpClient.factory("socket",
          URI.create(base.getScheme() + "://" + base.getHost() + ":" + base.getPort()), TOKEN);

      bulkLoad(base, users);
      int startIndex = users - users / 10 + 1;
      read(settings, connections, "userName eq", "p99 < 5 ms", 5, random -> {
        int n = random.nextInt(users);
        return new Request(prefix + "/Users?filter=" + URLEncoder.encode("userName eq \""
            + userName(n) + "\"", StandardCharsets.UTF_8).replace("+", "%20"), "\"totalResults\":1,");
      });
      read(settings, connections, "page startIndex=" + startIndex, "p99 < 50 ms", 50,
          random -> new Request(prefix + "/Users?startIndex=" + startIndex + "&count=100",
              "\"itemsPerPage\":100,"));
      cursorWalk(connections, prefix, users);
      byte[][] patches = {patchActive(false), patchActive(true)};
      write(settings, connections, "PATCH active", random -> new Request("PATCH",
          prefix + "/Users/" + ids.get(random.nextInt(ids.size())), patches[random.nextInt(2)], 200));
      AtomicInteger next = new AtomicInteger(users);
      write(settings, connections, "create", random -> new Request("POST", prefix + "/Users",
          userJson(next.getAndIncrement()).getBytes(StandardCharsets.UTF_8), 201));

      memory.sample();
      long hwm = memory.vmHwmKb();
      table.add(String.format(Locale.ROOT, "%-28s | %-38s | %-12s | %s", "peak resident memory",
          "VmHWM " + hwm / 1024 + " MB (sampled VmRSS peak " + memory.peakSampledRssKb() / 1024
              + " MB)", "< 256 MB", verdict(hwm > 0 && hwm / 1024 < 256)));
      if (!gateway.isAlive()) {
        problems.add("the gateway died:\n" + gateway.output());
      }
    } finally {
      deleteAll(data);
    }
    System.out.printf("%n==== Results (%,d users; load from this process; %d cores; load average "
        + "after: %s) ====%n", users, Runtime.getRuntime().availableProcessors(), loadAverage());
    System.out.printf("%-28s | %-38s | %-12s | %s%n", "workload", "measured", "goal", "verdict");
    System.out.println("-".repeat(100));
    table.forEach(System.out::println);
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  private final List<String> ids = new ArrayList<>();

  /** Loads the users through /Bulk, one request at a time, keeping their ids for the PATCHes. */
  private void bulkLoad(URI base, int users) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI bulk = URI.create(base + "/Bulk");
    Pattern location = Pattern.compile("/Users/([0-9a-f-]{36})\"");
    System.out.printf("Bulk load of %,d users ...%n", users);
    CpuUsage cpu = CpuUsage.start(serverPid);
    long start = System.nanoTime();
    for (int first = 0; first < users; first += PER_BULK) {
      StringBuilder body = new StringBuilder("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
          + "BulkRequest\"],\"Operations\":[");
      for (int i = first; i < Math.min(users, first + PER_BULK); i++) {
        body.append(i == first ? "" : ",").append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u")
            .append(i).append("\",\"data\":").append(userJson(i)).append('}');
      }
      String answer = client.send(HttpRequest.newBuilder(bulk).header("Authorization", "Bearer " + TOKEN)
          .header("Content-Type", "application/scim+json").timeout(Duration.ofSeconds(120))
          .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      location.matcher(answer).results().forEach(match -> ids.add(match.group(1)));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (ids.size() != users) {
      problems.add("bulk load: " + ids.size() + " of " + users + " users created");
    }
    String measured = String.format(Locale.ROOT, "%.1f s = %,.0f users/s, CPU %s", seconds,
        ids.size() / seconds, cpu.since());
    System.out.println("  " + measured);
    table.add(String.format(Locale.ROOT, "%-28s | %-38s | %-12s | %s", "/Bulk " + users + " users",
        measured, "< 12 s", verdict(seconds < 12)));
  }

  private void read(BenchmarkSettings settings, Supplier<BenchmarkHttpClient> connections,
      String scenario, String goal, double p99Goal, LoadRun.Plan plan) throws InterruptedException {
    LoadRun.Result result = run(settings, connections, scenario, READERS, plan);
    table.add(String.format(Locale.ROOT, "%-28s | %-38s | %-12s | %s", scenario + ", " + READERS + " conn",
        String.format(Locale.ROOT, "%,.0f/s, p50 %.2f ms, p99 %.2f ms", result.rps(),
            result.millis(0.5), result.millis(0.99)), goal, verdict(result.millis(0.99) < p99Goal)));
  }

  private void write(BenchmarkSettings settings, Supplier<BenchmarkHttpClient> connections,
      String scenario, LoadRun.Plan plan) throws InterruptedException {
    LoadRun.Result result = run(settings, connections, scenario, WRITERS, plan);
    table.add(String.format(Locale.ROOT, "%-28s | %-38s | %-12s | %s", scenario + ", " + WRITERS + " conn",
        String.format(Locale.ROOT, "%,.0f/s, p50 %.2f ms, p99 %.2f ms", result.rps(),
            result.millis(0.5), result.millis(0.99)), ">= 3,000/s", verdict(result.rps() >= 3000)));
  }

  private LoadRun.Result run(BenchmarkSettings settings, Supplier<BenchmarkHttpClient> connections,
      String scenario, int clients, LoadRun.Plan plan) throws InterruptedException {
    System.out.printf("Running %s, %d connections: %d s warm-up, %d s measured ...%n", scenario, clients,
        settings.warmup().toSeconds(), settings.measure().toSeconds());
    CpuUsage cpu = CpuUsage.start(serverPid);
    LoadRun.Result result = LoadRun.run(scenario, clients, settings.warmup(), settings.measure(),
        connections, plan);
    System.out.printf(Locale.ROOT, "  %,d ok = %.0f/s; p50 %.2f ms, p99 %.2f ms, max %.2f ms; CPU %% of "
            + "a core server/generator/other %s%n", result.succeeded(), result.rps(), result.millis(0.5),
        result.millis(0.99), result.maxMillis(), cpu.since());
    if (result.failures() + result.warmupFailures() > 0) {
      problems.add(scenario + ": " + (result.failures() + result.warmupFailures())
          + " failed requests, e.g. " + result.failureSamples());
    }
    return result;
  }

  private void cursorWalk(Supplier<BenchmarkHttpClient> connections, String prefix, int users)
      throws Exception {
    try (BenchmarkHttpClient client = connections.get()) {
      CursorWalk.Result walk = CursorWalk.walk(client, prefix, 100, users, users / 100 + 10,
          Duration.ofSeconds(300));
      if (walk.failure() != null || walk.unavailable() != null) {
        problems.add("cursor walk: " + walk.failure() + walk.unavailable());
      }
      table.add(String.format(Locale.ROOT, "%-28s | %-38s | %-12s | %s", "cursor walk, 100 a page",
          String.format(Locale.ROOT, "%.2f s", walk.seconds()), "(memory)", "info"));
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "-";
    }
  }

  private static String userName(int n) {
    return "hr" + n + "@example.com";
  }

  private static String userJson(int n) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName(n)
        + "\",\"externalId\":\"e" + n + "\",\"name\":{\"givenName\":\"Given" + n + "\",\"familyName\":"
        + "\"Family\"},\"emails\":[{\"value\":\"" + userName(n) + "\",\"type\":\"work\"}],\"active\":true}";
  }

  private static byte[] patchActive(boolean active) {
    return ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
        + "\"replace\",\"path\":\"active\",\"value\":" + active + "}]}").getBytes(StandardCharsets.UTF_8);
  }

  private static String verdict(boolean met) {
    return met ? "PASS" : "MISS";
  }

  private static void deleteAll(Path directory) throws Exception {
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
