package io.scimgateway.benchmark;

import io.scimgateway.conformance.PostgresCluster;
import io.scimgateway.conformance.PostgresPlatform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The store on PostgreSQL beside the embedded store, in one run, for {@code benchmark.scaleUsers}
 * users (default 1,000,000): /Bulk load time (of {@code benchmark.bulkUsers} of them, by default
 * all; the rest are seeded with SQL straight into the database, {@link DirectSeed}, and the table
 * says so), {@code userName eq} throughput and p99 with one gateway
 * and (PostgreSQL) with two on the same database, a page at 90 % of the users ({@code startIndex=
 * 900001} for a million) p99, and a cursor walk over every user. Each gateway is its own process with
 * the benchmark's JVM options; the PostgreSQL server is the tests' throwaway one. Prints a table; a
 * benchmark, not a test of the build ({@code -Pbenchmark -Dtest=ScaleOutBenchmark}).
 */
@Tag("benchmark")
class ScaleOutBenchmark {

  private static final Pattern READY = Pattern.compile("Serving SCIM at (\\S+)");
  private static final Duration START = Duration.ofSeconds(120);
  private static final int PER_BULK = 1_000;
  private static final int WALK_PAGE = 1_000;

  private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
  private final int users = Integer.getInteger("benchmark.scaleUsers", 1_000_000);
  /** How many of them go through /Bulk; the rest are seeded straight into the database. */
  private final int bulkUsers = Math.min(users, Integer.getInteger("benchmark.bulkUsers", users));
  private final List<String> rows = new ArrayList<>();

  @Test
  void postgresBesideSqlite() throws Exception {
    Path root = Files.createDirectories(settings.dataRoot());
    PostgresCluster cluster = PostgresCluster.get();
    String database = "scale_" + System.nanoTime();
    cluster.createDatabase(database);
    Path config = root.resolve("scale-postgres-" + database + ".yaml");
    Files.writeString(config, "backend: " + PostgresPlatform.section(cluster, database) + "\n");
    try (ServerProcess first = start("postgres-a", Files.createTempDirectory(root, "pg-a-"), config);
        ServerProcess second = start("postgres-b", Files.createTempDirectory(root, "pg-b-"), config)) {
      URI a = first.awaitReady(START);
      URI b = second.awaitReady(START);
      String password = cluster.password();
      measure("postgres", List.of(a, b), List.of(first.servingPid(), second.servingPid()),
          (from, to) -> DirectSeed.postgres(cluster.url(database),
          PostgresCluster.USER, password, from, to));
    }
    Path sqliteData = Files.createTempDirectory(root, "sqlite-");
    try (ServerProcess sqlite = start("sqlite", sqliteData, null)) {
      measure("sqlite", List.of(sqlite.awaitReady(START)), List.of(sqlite.servingPid()),
          (from, to) -> DirectSeed.sqlite(sqliteData.resolve("scim-gateway.db"), from, to));
    }
    System.out.printf(Locale.ROOT, "==== %,d users; %d clients, %d s measured after %d s warm-up; JVM %s%n",
        users, settings.clients(), settings.measure().toSeconds(), settings.warmup().toSeconds(),
        String.join(" ", settings.jvmOptions()));
    System.out.println("backend   scenario                         result");
    rows.forEach(System.out::println);
    System.out.println("CPU: % of one core (200 = both cores of a 2-core machine) taken by the "
        + "gateways / this load generator / everything else (PostgreSQL's server processes among it)");
    System.out.println("goals: 2 instances >= 1.6x one instance's eq throughput; eq p99 < 10 ms; "
        + "deep page p99 < 100 ms; cursor walk < 120 s");
  }

  /** Writes users {@code from} to {@code to - 1} past the gateway; answers the seconds taken. */
  @FunctionalInterface
  private interface Seeder {
    double seed(int from, int to) throws Exception;
  }

  /** {@code pids}: the serving JVM of each of {@code instances}, in the same order. */
  private void measure(String backend, List<URI> instances, List<Long> pids, Seeder seeder)
      throws Exception {
    URI base = instances.get(0);
    String prefix = base.getPath();
    double bulk = bulkLoad(base);
    row(backend, "/Bulk load", String.format(Locale.ROOT, "%,d users in %.1f s (%,.0f users/s)",
        bulkUsers, bulk, bulkUsers / bulk));
    if (bulkUsers < users) {
      row(backend, "seeded past the gateway", String.format(Locale.ROOT,
          "%,d users in %.1f s (SQL straight into the database, not /Bulk)", users - bulkUsers,
          seeder.seed(bulkUsers, users)));
    }
    LoadRun.Plan eq = random -> new LoadRun.Request(prefix + "/Users?filter=" + URLEncoder.encode(
        "userName eq \"hr" + random.nextInt(users) + "@example.com\"", StandardCharsets.UTF_8)
        .replace("+", "%20"), "\"totalResults\":1,");
    CpuUsage cpu = CpuUsage.start(pids.get(0));
    LoadRun.Result one = LoadRun.run("eq", settings.clients(), settings.warmup(), settings.measure(),
        clients(List.of(base)), eq);
    row(backend, "userName eq, 1 instance", load(one) + ", CPU " + cpu.since());
    if (instances.size() > 1) {
      CpuUsage both = CpuUsage.start(pids.stream().mapToLong(Long::longValue).toArray());
      LoadRun.Result two = LoadRun.run("eq2", settings.clients(), settings.warmup(),
          settings.measure(), clients(instances), eq);
      row(backend, "userName eq, 2 instances", load(two) + String.format(Locale.ROOT,
          " (%.2fx one), CPU %s", two.rps() / one.rps(), both.since()));
    }
    int deep = (int) (users * 0.9) + 1;
    CpuUsage paging = CpuUsage.start(pids.get(0));
    LoadRun.Result page = LoadRun.run("deep page", settings.clients(), settings.warmup(),
        settings.measure(), clients(List.of(base)), random -> new LoadRun.Request(prefix
            + "/Users?count=100&startIndex=" + (deep + random.nextInt(100)), "\"Resources\""));
    row(backend, "page at startIndex=" + deep, load(page) + ", CPU " + paging.since());
    try (BenchmarkHttpClient client = clients(List.of(base)).get()) {
      CursorWalk.Result walk = CursorWalk.walk(client, prefix, WALK_PAGE, users,
          users / WALK_PAGE + 2, Duration.ofMinutes(10));
      row(backend, "cursor walk, pages of " + WALK_PAGE, String.format(Locale.ROOT,
          "%,d users in %.1f s%s", walk.users(), walk.seconds(),
          walk.failure() == null && walk.unavailable() == null ? ""
              : " FAILED: " + (walk.failure() != null ? walk.failure() : walk.unavailable())));
    }
  }

  private double bulkLoad(URI base) throws Exception {
    URI bulk = URI.create(base + "/Bulk");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long start = System.nanoTime();
    int created = 0;
    for (int first = 0; first < bulkUsers; first += PER_BULK) {
      String body = client.send(BulkLoadBenchmark.request(bulk, first,
          Math.min(PER_BULK, bulkUsers - first)), HttpResponse.BodyHandlers.ofString()).body();
      created += BulkLoadBenchmark.count(body, "\"status\":\"201\"");
    }
    if (created != bulkUsers) {
      throw new AssertionError("Only " + created + " of " + bulkUsers + " creates succeeded at "
          + base);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Connections spread over the instances in turn. */
  private Supplier<BenchmarkHttpClient> clients(List<URI> instances) {
    List<Supplier<BenchmarkHttpClient>> factories = instances.stream()
        .map(base -> BenchmarkHttpClient.factory(settings.client(),
            URI.create(base.getScheme() + "://" + base.getHost() + ":" + base.getPort()),
            BulkLoadBenchmark.TOKEN))
        .toList();
    AtomicInteger next = new AtomicInteger();
    return () -> factories.get(next.getAndIncrement() % factories.size()).get();
  }

  private ServerProcess start(String name, Path data, Path config) throws Exception {
    List<String> arguments = new ArrayList<>(List.of("-jar", settings.gatewayJar().toString(),
        "--data", data.toString(), "--port", "0"));
    if (config != null) {
      arguments.addAll(List.of("--config", config.toString()));
    }
    return ServerProcess.start(name, settings.jvmOptions(), arguments,
        Map.of("SCIM_GATEWAY_TOKEN", BulkLoadBenchmark.TOKEN), READY);
  }

  private static String load(LoadRun.Result result) {
    return String.format(Locale.ROOT, "%,.0f req/s, p50 %.2f ms, p99 %.2f ms, failures %d",
        result.rps(), result.millis(0.5), result.millis(0.99),
        result.failures() + result.warmupFailures());
  }

  private void row(String backend, String scenario, String result) {
    String line = String.format(Locale.ROOT, "%-9s %-32s %s", backend, scenario, result);
    System.out.println(line);
    rows.add(line);
  }
}
