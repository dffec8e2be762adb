package io.scimgateway.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive of the gateway jar's classes, for the JVM options of the suite's gateway
 * processes: a process then maps the classes it needs instead of loading and verifying them, and starts
 * in about 2.5 s instead of 4 on this kind of machine. The suite starts a hundred or so processes (each
 * command-line run, each restart, and the child JVM the jar starts for itself), so that was minutes of
 * CPU.
 *
 * <p>The archive is made once for each build of the jar (its name carries the jar's size and time) by
 * serving one request with {@code -XX:ArchiveClassesAtExit} and stopping on SIGTERM, under a file lock
 * so that parallel test JVMs make it once. It changes how classes are loaded, not what the gateway
 * does; if it cannot be made, processes start without it. Benchmarks never use it: they start the jar
 * exactly as README says.
 */
final class ClassArchive {

  private static final Pattern SERVING = Pattern.compile("Serving SCIM at (\\S+)");
  private static final String TOKEN = "class-archive-token-0123456789abcdef";
  private static final Duration TRAINING = Duration.ofSeconds(60);

  private static Optional<Path> archive;

  private ClassArchive() {
  }

  /** The JVM options that use the archive of {@code jar}, making it first if need be; none on failure. */
  static synchronized List<String> jvmOptions(String java, Path jar) {
    if (archive == null) {
      archive = made(java, jar);
    }
    // A JVM whose archive does not match (another JDK, say) warns and loads classes as usual.
    return archive.map(file -> List.of("-XX:SharedArchiveFile=" + file, "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off")).orElse(List.of());
  }

  private static Optional<Path> made(String java, Path jar) {
    try {
      Path directory = Files.createDirectories(Path.of("target", "class-archive").toAbsolutePath());
      Path file = directory.resolve("scim-gateway-" + Files.size(jar) + "-"
          + Files.getLastModifiedTime(jar).toMillis() + ".jsa");
      try (FileChannel lockFile = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
        if (!Files.isRegularFile(file)) {
          train(java, jar, directory, file);
        }
      }
      return Optional.of(file);
    } catch (Exception e) {
      System.err.println("Gateway processes start without a class archive: " + e);
      return Optional.empty();
    }
  }

  /** Serves one request with the archive written at exit, then moves it into place. */
  private static void train(String java, Path jar, Path directory, Path file) throws Exception {
    Path data = Files.createTempDirectory(directory, "training-");
    Path partial = directory.resolve(file.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx160m", "-XX:+UseSerialGC",
        "-XX:ArchiveClassesAtExit=" + partial,
        "-jar", jar.toString(), "--port", "0", "--data", data.toString()).redirectErrorStream(true);
    builder.environment().put("SCIM_GATEWAY_TOKEN", TOKEN);
    Process process = builder.start();
    Thread watchdog = new Thread(() -> stopAfter(process, TRAINING), "class-archive-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try (BufferedReader output = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      URI base = null;
      while (base == null) {
        String line = output.readLine();
        if (line == null) {
          break;
        }
        Matcher serving = SERVING.matcher(line.replace("\\/", "/"));
        base = serving.find() ? URI.create(serving.group(1)) : null;
      }
      if (base == null) {
        throw new IllegalStateException("the training gateway stopped before serving");
      }
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/Users"))
          .header("Authorization", "Bearer " + TOKEN).timeout(TRAINING).build(),
          HttpResponse.BodyHandlers.discarding());
      process.toHandle().destroy(); // SIGTERM: a clean exit, which writes the archive
      output.transferTo(Writer.nullWriter());
      if (!process.waitFor(TRAINING.toSeconds(), TimeUnit.SECONDS) || !Files.isRegularFile(partial)) {
        throw new IllegalStateException("the training gateway wrote no archive");
      }
    } finally {
      process.destroyForcibly();
      try (Stream<Path> paths = Files.walk(data)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Kills a training gateway still running after {@code limit}: its output ends, and the wait too. */
  private static void stopAfter(Process process, Duration limit) {
    try {
      if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
    }
  }
}
