package io.scimgateway.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark's knobs, read from system properties so that a quick run needs no code change:
 *
 * <pre>
 *   -Dbenchmark.users=100000        users in the store (a data directory is seeded once per count)
 *   -Dbenchmark.clients=16          concurrent client threads
 *   -Dbenchmark.seconds=20          measured seconds per scenario
 *   -Dbenchmark.warmupSeconds=10    unmeasured seconds before each scenario
 *   -Dbenchmark.serverWarmupSeconds=30  unmeasured seconds of eq lookups when a server has started
 *   -Dbenchmark.client=socket       socket | urlconnection | httpclient (see {@link BenchmarkHttpClient})
 *   -Dbenchmark.jvmOptions="..."    JVM options of both server processes (default: {@link #DEFAULT_JVM_OPTIONS})
 *   -Dbenchmark.scenarios=all       or a comma list of: bare, eq-userName, eq-externalId, page, co, cursor
 *   -Dbenchmark.dataRoot=target/benchmark-data
 *   -Dbenchmark.gatewayJar=../gateway/target/scim-gateway.jar
 *   -Dbenchmark.gatewayConfig=FILE  optional YAML configuration passed to the gateway with --config
 * </pre>
 */
record BenchmarkSettings(
    int users,
    int clients,
    Duration measure,
    Duration warmup,
    Duration serverWarmup,
    String client,
    List<String> jvmOptions,
    Set<String> scenarios,
    Path dataRoot,
    Path gatewayJar,
    Path gatewayConfig) {

  /**
   * The small-footprint options both server processes run with unless overridden:
   *
   * <ul>
   *   <li>{@code -Xms64m -Xmx160m}: a bounded heap; the gateway's steady-state live set is small
   *       (schemas, Jersey model, a few pages of JSON in flight).
   *   <li>{@code -XX:+UseSerialGC}: no concurrent GC threads or remembered sets. Measured against G1
   *       with the same heap on 2 cores (5,000 users, eq lookups and 100-user pages): about 25 MB less
   *       peak resident memory and no less throughput. JVM defaults (G1, a quarter of RAM as heap)
   *       roughly doubled the peak.
   *   <li>{@code -Xss512k}: half the default thread stack; Grizzly and the pools start a few dozen
   *       threads.
   *   <li>{@code -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=64m}: caps the two native areas
   *       that otherwise grow with classes loaded and code compiled.
   *   <li>{@code -XX:MaxDirectMemorySize=32m}: caps NIO buffers.
   *   <li>{@code -XX:+AlwaysPreTouch} is deliberately absent: resident memory reflects real use.
   * </ul>
   */
  static final List<String> DEFAULT_JVM_OPTIONS = List.of(
      "-Xms64m", "-Xmx160m", "-XX:+UseSerialGC", "-Xss512k",
      "-XX:MaxMetaspaceSize=96m", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=32m");

  static final Set<String> ALL_SCENARIOS =
      Set.of("bare", "eq-userName", "eq-externalId", "page", "co", "cursor");

  static BenchmarkSettings fromSystemProperties() {
    String jvm = System.getProperty("benchmark.jvmOptions", "").trim();
    String scenarioList = System.getProperty("benchmark.scenarios", "all").trim();
    Set<String> scenarios = scenarioList.isEmpty() || scenarioList.equals("all")
        ? ALL_SCENARIOS
        : Arrays.stream(scenarioList.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    for (String scenario : scenarios) {
      if (!ALL_SCENARIOS.contains(scenario)) {
        throw new IllegalArgumentException("Unknown scenario '" + scenario + "'; known: " + ALL_SCENARIOS);
      }
    }
    String config = System.getProperty("benchmark.gatewayConfig", "").trim();
    return new BenchmarkSettings(
        positive("benchmark.users", 100_000),
        positive("benchmark.clients", 16),
        Duration.ofSeconds(positive("benchmark.seconds", 20)),
        Duration.ofSeconds(Integer.getInteger("benchmark.warmupSeconds", 10)),
        Duration.ofSeconds(Integer.getInteger("benchmark.serverWarmupSeconds", 30)),
        System.getProperty("benchmark.client", "socket").trim().toLowerCase(Locale.ROOT),
        jvm.isEmpty() ? DEFAULT_JVM_OPTIONS : List.of(jvm.split("\\s+")),
        scenarios,
        Path.of(System.getProperty("benchmark.dataRoot", "target/benchmark-data")).toAbsolutePath(),
        Path.of(System.getProperty("benchmark.gatewayJar", "../gateway/target/scim-gateway.jar"))
            .toAbsolutePath().normalize(),
        config.isEmpty() ? null : Path.of(config).toAbsolutePath());
  }

  boolean runs(String scenario) {
    return scenarios.contains(scenario);
  }

  private static int positive(String name, int fallback) {
    int value = Integer.getInteger(name, fallback);
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
    return value;
  }
}
