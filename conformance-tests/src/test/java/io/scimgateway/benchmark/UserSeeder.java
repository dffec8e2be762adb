package io.scimgateway.benchmark;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.BackendProvider;
import io.scimgateway.spi.ResourceStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Fills a data directory with {@link SyntheticUsers} before the gateway starts on it, through the same
 * store SPI the gateway uses ({@code BackendProvider "sqlite"}), with {@code synchronous=off} since a
 * half-written seed is simply redone. A finished seed leaves a marker file, so later runs with the same
 * user count reuse the directory.
 *
 * <p>The seeding itself runs in a child JVM whose class path is the gateway's runnable jar plus the
 * benchmark classes: the store code that writes the file is then exactly the code of the gateway that
 * serves it (same schema version), whatever module versions the benchmark itself was compiled against.
 */
final class UserSeeder {

  /** Bumped when the generated users change, so that stale seeds are redone. */
  private static final String FORMAT = "1";
  private static final String MARKER = "benchmark-seed.properties";
  /** The connection pool announces every start and stop; kept referenced so the level sticks. */
  private static final Logger POOL_LOG = Logger.getLogger("com.zaxxer.hikari");
  private static final Duration SEED_TIME_LIMIT = Duration.ofMinutes(90);

  /** Where the data is, how long seeding took (0 when reused). */
  record Seed(Path directory, double seconds, boolean reused) {
  }

  private UserSeeder() {
  }

  /** Seeds {@code users} users into the data directory {@code args[0]}; {@code args[1]} is the count. */
  public static void main(String[] args) throws Exception {
    POOL_LOG.setLevel(Level.WARNING);
    seed(Path.of(args[0]), Integer.parseInt(args[1]));
  }

  /**
   * The data directory for {@code users} users under {@code root}, seeded now by a child JVM started
   * with {@code java -cp classPath} unless an earlier run finished it.
   */
  static Seed ensureSeeded(Path root, int users, String classPath) throws Exception {
    Path directory = root.resolve("users-" + users);
    Path marker = directory.resolve(MARKER);
    if (Files.isRegularFile(marker)) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(marker)) {
        properties.load(reader);
      }
      if (FORMAT.equals(properties.getProperty("format"))
          && String.valueOf(users).equals(properties.getProperty("users"))) {
        return new Seed(directory, Double.parseDouble(properties.getProperty("seconds", "0")), true);
      }
    }
    deleteRecursively(directory);
    Files.createDirectories(directory);
    long started = System.nanoTime();
    seedInChildProcess(directory, users, classPath);
    double seconds = (System.nanoTime() - started) / 1e9;
    Properties properties = new Properties();
    properties.setProperty("format", FORMAT);
    properties.setProperty("users", String.valueOf(users));
    properties.setProperty("seconds", String.format(java.util.Locale.ROOT, "%.1f", seconds));
    try (Writer writer = Files.newBufferedWriter(marker)) {
      properties.store(writer, "Seeded by the query benchmark; delete this directory to reseed");
    }
    return new Seed(directory, seconds, false);
  }

  private static void seedInChildProcess(Path directory, int users, String classPath) throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", classPath, UserSeeder.class.getName(), directory.toString(),
        String.valueOf(users));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread copier = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          System.out.println("  " + line);
        }
      } catch (IOException e) {
        // the process is gone; its exit code tells the rest
      }
    }, "seeder-output");
    copier.setDaemon(true);
    copier.start();
    if (!process.waitFor(SEED_TIME_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("Seeding " + users + " users took longer than " + SEED_TIME_LIMIT);
    }
    copier.join(5_000);
    if (process.exitValue() != 0) {
      throw new IllegalStateException("Seeding failed with exit code " + process.exitValue()
          + "; see its output above");
    }
  }

  private static void seed(Path directory, int users) throws Exception {
    ObjectNode settings = JsonNodeFactory.instance.objectNode().put("synchronous", "off");
    BackendContext context = new BackendContext(SchemaRegistry.load(), settings, directory);
    try (Backend backend = provider("sqlite").open(context)) {
      ResourceStore store = backend.store("User")
          .orElseThrow(() -> new IllegalStateException("The sqlite backend serves no User store"));
      long lastReport = System.nanoTime();
      for (int n = 1; n <= users; n++) {
        store.create(SyntheticUsers.resource(n));
        if (System.nanoTime() - lastReport > 5_000_000_000L) {
          System.out.printf("  seeding: %,d of %,d users%n", n, users);
          lastReport = System.nanoTime();
        }
      }
    }
  }

  private static BackendProvider provider(String name) {
    for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
      if (provider.name().equals(name)) {
        return provider;
      }
    }
    throw new IllegalStateException("No BackendProvider named '" + name + "' on the class path");
  }

  static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear " + directory, e);
    }
  }
}
