package io.scimgateway.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as its own process, started from the runnable jar exactly as a user starts it, with its
 * combined output captured. Used for what only a real process shows: exit codes, signals, restarts.
 */
public final class GatewayProcess implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("Serving SCIM at (\\S+)");

  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final CompletableFuture<URI> baseUri = new CompletableFuture<>();
  private final Thread reader;

  private GatewayProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::readOutput, "gateway-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java -jar scim-gateway.jar args...} with {@code SCIM_GATEWAY_TOKEN} set or unset. */
  static GatewayProcess start(String token, String... args) {
    return startWith(token == null ? Map.of() : Map.of("SCIM_GATEWAY_TOKEN", token), args);
  }

  /**
   * Starts one of several instances on the same configuration: on a free port, with a data directory
   * of its own ({@code name} in {@code data}).
   */
  static GatewayProcess instance(String token, Path config, Path data, String name)
      throws IOException {
    Path directory = Files.createDirectories(data.resolve(name));
    return start(token, "--port", "0", "--data", directory.toString(), "--config", config.toString());
  }

  /**
   * Starts {@code java -jar scim-gateway.jar args...} with these environment variables added, and
   * none of the gateway's own tokens inherited.
   */
  static GatewayProcess startWith(Map<String, String> environment, String... args) {
    // A test's gateway lives seconds: the quick JIT tier starts it on less CPU than full optimisation,
    // and classes mapped from an archive rather than loaded (see ClassArchive) start it sooner.
    List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
    options.addAll(ClassArchive.jvmOptions(jar()));
    return launch(options, environment, args);
  }

  /**
   * Starts {@code scim-gateway args...} exactly as README says: the start script beside the jar, with
   * no JVM options of the test's, for what is measured or checked as users run the gateway.
   */
  static GatewayProcess startAsReadmeSays(Map<String, String> environment, String... args) {
    return runScript(startScript(jar()), environment, args);
  }

  /** Runs {@code script args...}: the start script, or a link to it. */
  static GatewayProcess runScript(Path script, Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    return run(command, startScriptEnvironment(environment));
  }

  /** The start script README runs: {@code scim-gateway}, which the build puts beside the jar. */
  public static Path startScript(Path jar) {
    Path script = jar.resolveSibling("scim-gateway");
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(script + " is missing or not executable: the gateway module's "
          + "package phase puts it there (mvn -B -q -DskipTests install).");
    }
    return script;
  }

  /**
   * What the start script gets in a test: this JVM's Java as {@code JAVA_HOME},
   * {@link #diagnosticOptions} as {@code JAVA_OPTS}, and then {@code added}, which wins.
   */
  public static Map<String, String> startScriptEnvironment(Map<String, String> added) {
    Map<String, String> environment = new HashMap<>();
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    if (!diagnosticOptions().isEmpty()) {
      environment.put("JAVA_OPTS", String.join(" ", diagnosticOptions()));
    }
    environment.putAll(added);
    return environment;
  }

  /**
   * {@code -Dbenchmark.gatewayJvmOptions}: only to look inside a benchmark's gateway (a flight
   * recording, a GC log); never set by the build.
   */
  public static List<String> diagnosticOptions() {
    String diagnostics = System.getProperty("benchmark.gatewayJvmOptions", "").trim();
    return diagnostics.isEmpty() ? List.of() : List.of(diagnostics.split("\\s+"));
  }

  /** Starts {@code java jvmOptions... -jar scim-gateway.jar args...} with these environment variables. */
  static GatewayProcess launch(List<String> jvmOptions, Map<String, String> environment,
      String... args) {
    List<String> command = new ArrayList<>(List.of(javaExecutable()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString()));
    command.addAll(List.of(args));
    return run(command, environment);
  }

  private static GatewayProcess run(List<String> command, Map<String, String> environment) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("SCIM_GATEWAY_TOKEN");
    builder.environment().remove("SCIM_SYNC_TOKEN");
    builder.environment().putAll(environment);
    try {
      return new GatewayProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The process started: the gateway's JVM itself when the start script started it. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /** The SCIM base URL the process announced, once it is listening. */
  URI awaitServing(Duration timeout) throws Exception {
    return baseUri.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until a line of output contains {@code text}; false when the process ends first. */
  boolean awaitLine(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (this) {
        if (output.stream().anyMatch(line -> line.contains(text))) {
          return true;
        }
      }
      if (!process.isAlive() && !reader.isAlive()) {
        return false;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("No line with \"" + text + "\" within " + timeout + ". Output:\n"
        + output());
  }

  /** Sends SIGTERM and waits for the exit code. */
  int terminate(Duration timeout) throws InterruptedException {
    // Through the handle: Process.destroy() would also close our end of the output pipe.
    process.toHandle().destroy();
    return awaitExit(timeout);
  }

  /**
   * Sends SIGKILL to the gateway and the JVM it runs in (the jar starts itself once more with its JVM
   * settings, see README): no shutdown hook runs, nothing is flushed or closed.
   */
  int kill(Duration timeout) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.toHandle().destroyForcibly();
    return awaitExit(timeout);
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("The gateway did not exit within " + timeout + ". Output:\n" + output());
    }
    reader.join(timeout.toMillis()); // the last lines may still be in the pipe
    return process.exitValue();
  }

  synchronized String output() {
    return String.join("\n", output);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private void readOutput() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (this) {
          output.add(line);
        }
        Matcher serving = SERVING.matcher(line.replace("\\/", "/")); // JSON lines escape '/'
        if (serving.find()) {
          baseUri.complete(URI.create(serving.group(1)));
        }
      }
    } catch (IOException e) {
      baseUri.completeExceptionally(e);
    }
    baseUri.completeExceptionally(new IllegalStateException("The gateway exited before serving:\n"
        + output()));
  }

  /** The runnable jar the build made. */
  static Path jar() {
    Path jar = Path.of("..", "gateway", "target", "scim-gateway.jar").toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build the gateway module first "
          + "(mvn verify builds it before these tests run).");
    }
    return jar;
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
