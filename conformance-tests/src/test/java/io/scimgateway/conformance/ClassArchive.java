package io.scimgateway.conformance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  private static final String TOKEN = "class-archive-token-0123456789abcdef";
  private static final Duration TRAINING = Duration.ofSeconds(60);

  private static Optional<Path> archive;

  private ClassArchive() {
  }

  /** The JVM options that use the archive of {@code jar}, making it first if need be; none on failure. */
  static synchronized List<String> jvmOptions(Path jar) {
    if (archive == null) {
      archive = made(jar);
    }
    // A JVM whose archive does not match (another JDK, say) warns and loads classes as usual.
    return archive.map(file -> List.of("-XX:SharedArchiveFile=" + file, "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off")).orElse(List.of());
  }

  private static Optional<Path> made(Path jar) {
    try {
      Path directory = Files.createDirectories(Path.of("target", "class-archive").toAbsolutePath());
      Path file = directory.resolve("scim-gateway-" + Files.size(jar) + "-"
          + Files.getLastModifiedTime(jar).toMillis() + ".jsa");
      try (FileChannel lockFile = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
        if (!Files.isRegularFile(file)) {
          train(directory, file);
        }
      }
      return Optional.of(file);
    } catch (Exception | AssertionError e) {
      System.err.println("Gateway processes start without a class archive: " + e);
      return Optional.empty();
    }
  }

  /**
   * Serves one request with the archive written at exit, then moves it into place. A training gateway
   * that does not serve, or does not stop, within {@link #TRAINING} fails the training.
   */
  private static void train(Path directory, Path file) throws Exception {
    Path data = Files.createTempDirectory(directory, "training-");
    Path partial = directory.resolve(file.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    // A heap limit of its own: the jar serves in this JVM rather than in a child it starts.
    try (GatewayProcess training = GatewayProcess.launch(List.of("-Xmx160m", "-XX:+UseSerialGC",
        "-XX:ArchiveClassesAtExit=" + partial), Map.of("SCIM_GATEWAY_TOKEN", TOKEN),
        "--port", "0", "--data", data.toString())) {
      URI base = training.awaitServing(TRAINING);
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/Users"))
          .header("Authorization", "Bearer " + TOKEN).timeout(TRAINING).build(),
          HttpResponse.BodyHandlers.discarding());
      training.terminate(TRAINING); // SIGTERM: a clean exit, which writes the archive
      if (!Files.isRegularFile(partial)) {
        throw new IllegalStateException("the training gateway wrote no archive");
      }
    } finally {
      try (Stream<Path> paths = Files.walk(data)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
