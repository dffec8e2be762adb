package io.scimgateway.benchmark;

import static org.junit.jupiter.api.Assertions.fail;

import io.scimgateway.benchmark.LoadRun.Request;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the audit trail, the access log and the metrics cost: the gateway started as README says
 * ({@code scim-gateway --config FILE}, the start script) over a copy of the seeded store, once with
 * all three on (the defaults) and once with them off ({@code audit.enabled: false}, {@code
 * metrics.enabled: false}, the access logger at {@code warn}), the two alternating for {@code
 * benchmark.rounds} rounds (on, off, on, off, ...) so that a busy moment of a shared machine falls on
 * both. Each start runs the same load from this process: {@code userName eq} lookups with 16
 * connections, then {@code PATCH active} of random users with 4 (writes are where the audit trail
 * costs). Prints every run, then the medians and the difference in %, against the goal that the
 * lookups with everything on stay within 10% of the figure without. Fails only when requests fail.
 */
@Tag("benchmark")
class OperationsOverheadBenchmark {

  private static final String TOKEN = "overhead-benchmark-token-0123456789abcdef";
  private static final Pattern READY = Pattern.compile("Serving SCIM at (\\S+)");
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final int READERS = 16;
  private static final int WRITERS = 4;
  private static final int PATCHED_USERS = 2_000;
  private static final double ALLOWED_LOSS = 0.10;
  private static final Map<String, String> MODES = new LinkedHashMap<>();

  static {
    MODES.put("on", "audit: {enabled: true}\nmetrics: {enabled: true}\n"
        + "logging: {format: json, levels: {io.scimgateway.access: info}}\n");
    MODES.put("off", "audit: {enabled: false}\nmetrics: {enabled: false}\n"
        + "logging: {format: json, levels: {io.scimgateway.access: warn}}\n");
  }

  private final Map<String, List<LoadRun.Result>> results = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> ids = new ArrayList<>();
  /**
   * Requests per second of the gateway's own CPU time, by mode and workload: on a machine shared
   * with other work, less moved by what the others do than requests per second of the clock.
   */
  private final Map<String, List<Double>> efficiency = new LinkedHashMap<>();

  @Test
  @Timeout(value = 120, unit = TimeUnit.MINUTES)
  void auditAccessLogAndMetricsOnAgainstOff() throws Exception {
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    int rounds = Integer.getInteger("benchmark.rounds", 3);
    String classPath = settings.gatewayJar() + File.pathSeparator + Path.of(UserSeeder.class
        .getProtectionDomain().getCodeSource().getLocation().toURI());
    UserSeeder.Seed seed = UserSeeder.ensureSeeded(settings.dataRoot(), settings.users(), classPath);
    Path data = Files.createTempDirectory(settings.dataRoot(), "overhead-");
    try {
      copyStore(seed.directory(), data);
      System.out.printf("%n==== Overhead of audit, access log and metrics: %,d users, %d rounds, load "
          + "average %s ====%n", settings.users(), rounds, loadAverage());
      for (int round = 1; round <= rounds; round++) {
        for (Map.Entry<String, String> mode : MODES.entrySet()) {
          Path config = Files.writeString(data.resolve(mode.getKey() + ".yaml"), mode.getValue());
          runOnce(settings, data, config, mode.getKey() + " #" + round);
        }
      }
    } finally {
      UserSeeder.deleteRecursively(data);
    }
    printSummary(settings);
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  /** One start of the gateway with {@code config}: warm-up, the lookups, the PATCHes. */
  private void runOnce(BenchmarkSettings settings, Path data, Path config, String run)
      throws Exception {
    List<String> arguments = List.of("--data", data.toString(), "--port", "0", "--config",
        config.toString());
    try (ServerProcess gateway = ServerProcess.startGatewayAsReadmeSays(settings.gatewayJar(),
        arguments, Map.of("SCIM_GATEWAY_TOKEN", TOKEN), READY)) {
      URI base = gateway.awaitReady(Duration.ofSeconds(90));
      long serverPid = gateway.servingPid();
      String prefix = base.getPath();
      Supplier<BenchmarkHttpClient> connections = BenchmarkHttpClient.factory("socket",
          URI.create(base.getScheme() + "://" + base.getHost() + ":" + base.getPort()), TOKEN);
      int users = settings.users();
      LoadRun.Plan lookups = random -> new Request(eqTarget(prefix,
          SyntheticUsers.userName(1 + random.nextInt(users))), "\"totalResults\":1,");
      if (ids.isEmpty()) {
        findIds(connections, prefix, users);
      }
      byte[][] patches = {patchActive(false), patchActive(true)};
      LoadRun.Plan writes = random -> new Request("PATCH", prefix + "/Users/"
          + ids.get(random.nextInt(ids.size())), patches[random.nextInt(2)], 200);
      System.out.printf("%s: warming up for %d s ...%n", run, settings.serverWarmup().toSeconds());
      LoadRun.run("warm-up", READERS, settings.serverWarmup(), Duration.ofSeconds(1), connections,
          lookups);
      measure(settings, connections, serverPid, run, "userName eq", READERS, lookups);
      measure(settings, connections, serverPid, run, "PATCH active", WRITERS, writes);
      if (!gateway.isAlive()) {
        problems.add(run + ": the gateway died:\n" + gateway.output());
      }
    }
  }

  private void measure(BenchmarkSettings settings, Supplier<BenchmarkHttpClient> connections,
      long serverPid, String run, String scenario, int clients, LoadRun.Plan plan)
      throws InterruptedException {
    CpuUsage cpu = CpuUsage.start(serverPid);
    LoadRun.Result result = LoadRun.run(scenario, clients, settings.warmup(), settings.measure(),
        connections, plan);
    double perCpuSecond = result.rps() / (cpu.serverPercent() / 100);
    System.out.printf(Locale.ROOT, "  %-8s %-13s %2d conn: %,6.0f/s, p50 %.2f ms, p99 %.2f ms, %,.0f "
            + "per server CPU-second; CPU %% server/generator/other %s; load %s%n", run, scenario,
        clients, result.rps(), result.millis(0.5), result.millis(0.99), perCpuSecond, cpu.since(),
        loadAverage());
    String key = run.substring(0, run.indexOf(' ')) + " " + scenario;
    results.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
    efficiency.computeIfAbsent(key, k -> new ArrayList<>()).add(perCpuSecond);
    if (result.failures() + result.warmupFailures() > 0) {
      problems.add(run + " " + scenario + ": " + (result.failures() + result.warmupFailures())
          + " failed requests, e.g. " + result.failureSamples());
    }
  }

  /** The ids of some users, looked up once by userName, for the PATCHes. */
  private void findIds(Supplier<BenchmarkHttpClient> connections, String prefix, int users)
      throws Exception {
    try (BenchmarkHttpClient client = connections.get()) {
      for (int i = 0; i < Math.min(PATCHED_USERS, users); i++) {
        int n = 1 + (int) ((long) i * users / Math.min(PATCHED_USERS, users));
        Matcher id = ID.matcher(client.get(eqTarget(prefix, SyntheticUsers.userName(n))
            + "&attributes=id").text());
        if (id.find()) {
          ids.add(id.group(1));
        }
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException("No user of the seeded store was found by userName");
    }
  }

  private void printSummary(BenchmarkSettings settings) {
    System.out.printf("%n==== Results: medians of %d runs each, on and off alternating; %d cores shared "
        + "with other work (load average %s) ====%n", results.get("on userName eq").size(),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    System.out.printf("%-14s | %-34s | %-34s | %s%n", "workload", "on (audit, access log, metrics)",
        "off", "on vs off");
    System.out.println("-".repeat(110));
    for (String scenario : List.of("userName eq", "PATCH active")) {
      List<LoadRun.Result> on = results.get("on " + scenario);
      List<LoadRun.Result> off = results.get("off " + scenario);
      double onRps = median(on, LoadRun.Result::rps);
      double offRps = median(off, LoadRun.Result::rps);
      double change = (onRps - offRps) / offRps * 100;
      String verdict = !scenario.equals("userName eq") ? "info"
          : change >= -ALLOWED_LOSS * 100 ? "PASS (within 10%)" : "MISS (over 10% slower)";
      System.out.printf(Locale.ROOT, "%-14s | %-34s | %-34s | %+.1f%% throughput, p99 %+.1f%%  %s%n",
          scenario, figures(on), figures(off), change, (median(on, r -> r.millis(0.99))
              - median(off, r -> r.millis(0.99))) / median(off, r -> r.millis(0.99)) * 100, verdict);
      double onCpu = medianOf(efficiency.get("on " + scenario));
      double offCpu = medianOf(efficiency.get("off " + scenario));
      System.out.printf(Locale.ROOT, "%-14s | %-34s | %-34s | %+.1f%% requests per CPU-second%n", "",
          String.format(Locale.ROOT, "%,.0f per server CPU-second", onCpu),
          String.format(Locale.ROOT, "%,.0f per server CPU-second", offCpu),
          (onCpu - offCpu) / offCpu * 100);
    }
    System.out.printf("(%d s measured after %d s warm-up per workload; %,d users)%n",
        settings.measure().toSeconds(), settings.warmup().toSeconds(), settings.users());
  }

  private static String figures(List<LoadRun.Result> runs) {
    return String.format(Locale.ROOT, "%,.0f/s, p50 %.2f ms, p99 %.2f ms",
        median(runs, LoadRun.Result::rps), median(runs, r -> r.millis(0.5)),
        median(runs, r -> r.millis(0.99)));
  }

  private static double median(List<LoadRun.Result> runs, ToDoubleFunction<LoadRun.Result> figure) {
    return medianOf(runs.stream().map(figure::applyAsDouble).toList());
  }

  private static double medianOf(List<Double> figures) {
    double[] values = figures.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  /** The seeded store's files, so that the PATCHes and audit events leave the seed as it was. */
  private static void copyStore(Path seed, Path data) throws Exception {
    try (var files = Files.list(seed)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, data.resolve(file.getFileName()));
      }
    }
  }

  private static String eqTarget(String prefix, String userName) {
    return prefix + "/Users?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"",
        StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] patchActive(boolean active) {
    return ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
        + "\"replace\",\"path\":\"active\",\"value\":" + active + "}]}").getBytes(StandardCharsets.UTF_8);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "-";
    }
  }
}
