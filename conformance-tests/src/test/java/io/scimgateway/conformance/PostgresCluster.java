package io.scimgateway.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for the tests of one JVM: {@code initdb} in a temporary directory,
 * started on a free loopback port on first use (as the {@code postgres} system user when the tests
 * run as root, since PostgreSQL refuses to run as root), without fsync, and stopped when the JVM
 * exits. The server's binaries come from {@code PG_BIN}, the {@code PATH} or the newest
 * {@code /usr/lib/postgresql/<version>/bin}. If it cannot start, {@link #get} throws an error that
 * says why: PostgreSQL tests fail, they are never skipped. Thread-safe.
 */
public final class PostgresCluster {

  public static final String USER = "postgres";
  private static final String PASSWORD = "conformance-postgres-password";

  private final Path directory;
  private final Path binaries;
  private final int port;
  private final boolean asPostgresUser;

  private PostgresCluster(Path directory, Path binaries, int port, boolean asPostgresUser) {
    this.directory = directory;
    this.binaries = binaries;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** The JVM's cluster, started on first use. */
  public static PostgresCluster get() {
    return Holder.CLUSTER;
  }

  /** The JDBC URL of {@code database}. */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The password of {@link #USER}, for a test's own connections. */
  public String password() {
    return PASSWORD;
  }

  /** A file holding the password of {@link #USER}, for {@code backend.passwordFile}. */
  public Path passwordFile() {
    return directory.resolve("password");
  }

  /** Creates a database of its own for one test, named {@code prefix} and a unique suffix. */
  public String newDatabase(String prefix) {
    String database = prefix + Long.toHexString(System.nanoTime());
    createDatabase(database);
    return database;
  }

  /** Creates {@code database} unless it exists. */
  public synchronized void createDatabase(String database) {
    try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        PreparedStatement exists = connection.prepareStatement(
            "SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet row = exists.executeQuery()) {
        if (row.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE \"" + database + "\"");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test database " + database + ": "
          + e.getMessage(), e);
    }
  }

  private static final class Holder {
    private static final PostgresCluster CLUSTER = start();
  }

  private static PostgresCluster start() {
    Path binaries = binaries().orElseThrow(() -> new IllegalStateException("No PostgreSQL server "
        + "binaries (initdb, pg_ctl) were found in PG_BIN, on the PATH or in /usr/lib/postgresql/*/bin."
        + " Install them (Debian: apt-get install -y postgresql); .ci/run does."));
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      Path directory = Files.createTempDirectory("scim-gateway-postgres-");
      Files.writeString(directory.resolve("password"), PASSWORD, StandardCharsets.UTF_8);
      if (root) {
        run(List.of("chown", "-R", USER, directory.toString()), directory, "chown");
      }
      PostgresCluster cluster = new PostgresCluster(directory, binaries, freePort(), root);
      cluster.initAndStart();
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "postgres-test-cluster-stop"));
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare a directory for the PostgreSQL test cluster", e);
    }
  }

  private void initAndStart() {
    Path data = directory.resolve("data");
    command(List.of(binaries.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
        "--pwfile=" + passwordFile(), "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale",
        "--no-sync"), "initdb");
    command(List.of(binaries.resolve("pg_ctl").toString(), "start", "-w", "-t", "60", "-D",
        data.toString(), "-l", directory.resolve("server.log").toString(), "-o",
        "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
            + " -c shared_buffers=64MB"), "pg_ctl start");
  }

  private void stop() {
    try {
      command(List.of(binaries.resolve("pg_ctl").toString(), "stop", "-m", "immediate", "-D",
          directory.resolve("data").toString()), "pg_ctl stop");
    } catch (RuntimeException e) {
      System.err.println("The PostgreSQL test cluster did not stop: " + e.getMessage());
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      System.err.println("The PostgreSQL test cluster's files stay in " + directory);
    }
  }

  private void command(List<String> command, String what) {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", USER, "--"));
    }
    full.addAll(command);
    run(full, directory, what);
  }

  private static void run(List<String> command, Path directory, String what) {
    try {
      Path output = Files.createTempFile("scim-gateway-postgres-command-", ".log");
      try {
        Process process = new ProcessBuilder(command).directory(directory.toFile())
            .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(what + " did not finish within 120 s");
        }
        if (process.exitValue() != 0) {
          String log = directory.resolve("server.log").toFile().exists()
              ? Files.readString(directory.resolve("server.log")) : "";
          throw new IllegalStateException("The PostgreSQL test cluster could not start: " + what
              + " exited with " + process.exitValue() + ": " + Files.readString(output) + log);
        }
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("The PostgreSQL test cluster could not start: " + what
          + " could not run (" + e.getMessage() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " was interrupted", e);
    }
  }

  private static Optional<Path> binaries() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getenv("PG_BIN");
    if (configured != null) {
      candidates.add(Path.of(configured));
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!entry.isEmpty()) {
        candidates.add(Path.of(entry));
      }
    }
    Path installed = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(installed)) {
      try (Stream<Path> versions = Files.list(installed)) {
        versions.sorted(Comparator.comparing(PostgresCluster::majorVersion).reversed())
            .forEach(version -> candidates.add(version.resolve("bin")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return candidates.stream()
        .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
        .findFirst();
  }

  private static int majorVersion(Path directory) {
    String name = directory.getFileName().toString();
    return name.matches("\\d+") ? Integer.parseInt(name) : 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
