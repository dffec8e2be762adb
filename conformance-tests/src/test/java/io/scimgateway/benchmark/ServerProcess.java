package io.scimgateway.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under measurement in its own JVM: started with explicit options, its output drained (the
 * last lines kept for error messages), its base URL taken from the line it prints once listening.
 */
final class ServerProcess implements AutoCloseable {

  private static final int KEPT_LINES = 200;

  private final String name;
  private final Process process;
  private final Pattern announcement;
  private final Deque<String> lines = new ArrayDeque<>();
  private final CompletableFuture<URI> baseUri = new CompletableFuture<>();

  private ServerProcess(String name, Process process, Pattern announcement) {
    this.name = name;
    this.process = process;
    this.announcement = announcement;
    Thread reader = new Thread(this::drain, name + "-output");
    reader.setDaemon(true);
    reader.start();
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
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    return new ServerProcess(name, builder.start(), announcement);
  }

  URI awaitReady(Duration timeout) throws Exception {
    try {
      return baseUri.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(name + " did not announce itself within " + timeout
          + ". Output:\n" + output(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  synchronized String output() {
    return String.join("\n", lines);
  }

  /** SIGTERM, then SIGKILL if it has not exited after 15 seconds. */
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
  }

  private void drain() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (this) {
          lines.addLast(line);
          if (lines.size() > KEPT_LINES) {
            lines.removeFirst();
          }
        }
        Matcher matcher = announcement.matcher(line.replace("\\/", "/")); // JSON lines escape '/'
        if (!baseUri.isDone() && matcher.find()) {
          baseUri.complete(URI.create(matcher.group(1)));
        }
      }
    } catch (IOException e) {
      baseUri.completeExceptionally(e);
    }
    baseUri.completeExceptionally(new IllegalStateException(name + " exited before it was ready:\n"
        + output()));
  }
}
