package io.scimgateway.benchmark;

import io.scimgateway.conformance.GatewayProcess;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under measurement in its own JVM: started with explicit options, its base URL taken from
 * the line it prints once listening. Its output goes to a file, as a deployment's would go to a log
 * file or the journal: a load generator that read and matched every access line itself would take
 * CPU from the server it measures on a small machine.
 */
final class ServerProcess implements AutoCloseable {

  private static final int KEPT_LINES = 200;

  private final String name;
  private final Process process;
  private final Pattern announcement;
  private final Path log;

  private ServerProcess(String name, Process process, Pattern announcement, Path log) {
    this.name = name;
    this.process = process;
    this.announcement = announcement;
    this.log = log;
  }

  /**
   * Starts {@code java jvmOptions... arguments...}.
   *
   * @param announcement a pattern whose first group is the base URL the process prints when ready
   */
  static ServerProcess start(String name, List<String> jvmOptions, List<String> arguments,
      Map<String, String> environment, Pattern announcement) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(arguments);
    return run(name, command, environment, announcement);
  }

  /**
   * Starts the gateway as README says: {@code scim-gateway arguments...}, the start script beside
   * {@code jar}, on this JVM's Java (see {@link GatewayProcess#startScriptEnvironment}).
   */
  static ServerProcess startGatewayAsReadmeSays(Path jar, List<String> arguments,
      Map<String, String> environment, Pattern announcement) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(GatewayProcess.startScript(jar).toString());
    command.addAll(arguments);
    return run("gateway", command, GatewayProcess.startScriptEnvironment(environment), announcement);
  }

  private static ServerProcess run(String name, List<String> command, Map<String, String> environment,
      Pattern announcement) throws IOException {
    Path log = Files.createTempFile("server-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new ServerProcess(name, builder.start(), announcement, log);
  }

  /** Reads the output as it grows until the announcement appears. */
  URI awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long read = 0;
    StringBuilder partial = new StringBuilder();
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      while (System.nanoTime() < deadline) {
        boolean exited = !process.isAlive();
        long length = file.length();
        if (length > read) {
          byte[] chunk = new byte[(int) (length - read)];
          file.seek(read);
          file.readFully(chunk);
          read = length;
          partial.append(new String(chunk, StandardCharsets.UTF_8));
          int end;
          while ((end = partial.indexOf("\n")) >= 0) {
            Matcher matcher = announcement.matcher(partial.substring(0, end).replace("\\/", "/"));
            partial.delete(0, end + 1);
            if (matcher.find()) {
              return URI.create(matcher.group(1)); // JSON lines escape '/'
            }
          }
        } else if (exited) {
          throw new IllegalStateException(name + " exited before it was ready:\n" + output());
        } else {
          Thread.sleep(20);
        }
      }
    }
    throw new IllegalStateException(name + " did not announce itself within " + timeout
        + ". Output:\n" + output());
  }

  long pid() {
    return process.pid();
  }

  /** The JVM that serves: the child a launcher started (its last descendant), or this process. */
  long servingPid() {
    return ProcessHandle.of(process.pid()).flatMap(p -> p.descendants().reduce((a, b) -> b))
        .map(ProcessHandle::pid).orElse(process.pid());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of the output. */
  String output() {
    try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
      ArrayDeque<String> last = new ArrayDeque<>();
      lines.forEach(line -> {
        last.addLast(line);
        if (last.size() > KEPT_LINES) {
          last.removeFirst();
        }
      });
      return String.join("\n", last);
    } catch (IOException | UncheckedIOException e) {
      return "(output unreadable: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, then SIGKILL if it has not exited after 15 seconds; the output file goes too. */
  @Override
  public void close() {
    process.toHandle().destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a temporary file; the system's cleanup takes it
    }
  }
}
