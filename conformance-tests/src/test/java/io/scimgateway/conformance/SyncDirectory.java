package io.scimgateway.conformance;

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

  SyncDirectory(Path data) {
    this.data = data;
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

  static SyncDirectory byUrl(Path data) {
    TestGateway gateway = TestGateway.start(data);
    return new SyncDirectory(data) {
      @Override
      List<String> arguments() {
        return List.of("--url", gateway.client().base().toString());
      }

      @Override
      Map<String, String> environment() {
        return Map.of("SCIM_SYNC_TOKEN", TestGateway.TOKEN);
      }

      @Override
      <T> T read(Function<ScimClient, T> reader) {
        return reader.apply(gateway.client());
      }

      @Override
      public void close() {
        gateway.close();
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
    return GatewayProcess.startWith(environment(), args.toArray(String[]::new));
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
