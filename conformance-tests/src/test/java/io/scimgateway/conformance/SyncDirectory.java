package io.scimgateway.conformance;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The directory a sync test writes: the embedded store written in-process by the command ({@code
 * --data DIR}), or a gateway on a free port written by URL. Reading it back is always over HTTP.
 */
abstract class SyncDirectory implements AutoCloseable {

  /** What {@code sync} printed, and how it ended. */
  record Run(int exitCode, String output) {}

  final Path data;

  /** Whether sync runs exactly as README says (full JIT), as a benchmark measures it. */
  private boolean asReadmeSays;

  SyncDirectory(Path data) {
    this.data = data;
  }

  /**
   * This directory, with every {@code sync} started exactly as README says: no JVM options, so with the
   * full JIT a long run gets, rather than the quick tier that starts a test's short runs cheaply.
   */
  SyncDirectory asUsersRunIt() {
    asReadmeSays = true;
    return this;
  }

  static SyncDirectory inProcess(Path data) {
    return new SyncDirectory(data) {
      @Override
      List<String> arguments() {
        return List.of("--data", data.toString());
      }

      @Override
      <T> T read(Function<ScimClient, T> reader) {
        try (TestGateway gateway = TestGateway.start(data)) {
          return reader.apply(gateway.client());
        }
      }

      @Override
      public void close() {}
    };
  }

  /** A gateway in this JVM on a free port, written by URL. */
  static SyncDirectory byUrl(Path data) {
    TestGateway gateway = TestGateway.start(data);
    return atUrl(data, gateway.client().base(), gateway::close);
  }

  /**
   * The gateway as its own process, started as README says ({@code scim-gateway --data DIR}),
   * written by URL; stopped with SIGTERM on close.
   */
  static SyncDirectory byUrlToProcess(Path data) throws Exception {
    return byUrlToProcess(data, false);
  }

  /** {@link #byUrlToProcess(Path)}; with {@code asReadmeSays}, the gateway gets no JVM options either. */
  static SyncDirectory byUrlToProcess(Path data, boolean asReadmeSays) throws Exception {
    Map<String, String> token = Map.of("SCIM_GATEWAY_TOKEN", TestGateway.TOKEN);
    String[] args = {"--data", data.toString(), "--port", "0"};
    GatewayProcess gateway = asReadmeSays ? GatewayProcess.startAsReadmeSays(token, args)
        : GatewayProcess.startWith(token, args);
    try {
      URI base = gateway.awaitServing(Duration.ofSeconds(90));
      return atUrl(data, base, () -> {
        try {
          gateway.terminate(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          gateway.close();
        }
      });
    } catch (Exception e) {
      gateway.close();
      throw e;
    }
  }

  private static SyncDirectory atUrl(Path data, URI base, Runnable stop) {
    return new SyncDirectory(data) {
      @Override
      List<String> arguments() {
        return List.of("--url", base.toString());
      }

      @Override
      Map<String, String> environment() {
        return Map.of("SCIM_SYNC_TOKEN", TestGateway.TOKEN);
      }

      @Override
      <T> T read(Function<ScimClient, T> reader) {
        return reader.apply(new ScimClient(base, TestGateway.TOKEN));
      }

      @Override
      public void close() {
        stop.run();
      }
    };
  }

  abstract List<String> arguments();

  Map<String, String> environment() {
    return Map.of();
  }

  abstract <T> T read(Function<ScimClient, T> reader);

  @Override
  public abstract void close();

  /** Starts {@code scim-gateway sync --from export --mapping mapping [target] [more]}. */
  GatewayProcess start(Path export, Path mapping, String... more) {
    List<String> args = new ArrayList<>(List.of("sync", "--from", export.toString(), "--mapping",
        mapping.toString()));
    args.addAll(arguments());
    args.addAll(List.of(more));
    return asReadmeSays ? GatewayProcess.startAsReadmeSays(environment(), args.toArray(String[]::new))
        : GatewayProcess.startWith(environment(), args.toArray(String[]::new));
  }

  /** Runs sync to its end. */
  Run sync(Path export, Path mapping, String... more) throws InterruptedException {
    return sync(Duration.ofMinutes(5), export, mapping, more);
  }

  /** Runs sync to its end, failing when it takes longer than {@code timeout}. */
  Run sync(Duration timeout, Path export, Path mapping, String... more) throws InterruptedException {
    try (GatewayProcess process = start(export, mapping, more)) {
      int exit = process.awaitExit(timeout);
      return new Run(exit, process.output());
    }
  }
}
