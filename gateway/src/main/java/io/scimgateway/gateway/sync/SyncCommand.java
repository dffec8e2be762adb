package io.scimgateway.gateway.sync;

import io.scimgateway.gateway.cli.ExitCodes;
import io.scimgateway.gateway.config.ConfigLoader;
import io.scimgateway.gateway.config.GatewayConfig;
import io.scimgateway.schemas.SchemaRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scim-gateway sync}: the command line; reading, planning and writing live in their own classes. */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = "Makes the directory match an HR export: creates joiners, updates movers (only the "
        + "attributes that differ), deactivates or deletes leavers, and sets group memberships.",
    footer = {"%nExit codes: 0 in step (or dry run done), 1 some writes failed (each reported with its "
        + "line), 2 bad input or usage (nothing written), 3 the target cannot be used (or an "
        + "unexpected failure), 4 refused by the leaver limit (nothing written).",
        "Interrupted? Run the same command again: what was written shows no difference and is not "
        + "written twice."})
public final class SyncCommand implements Callable<Integer> {

  static final int OK = ExitCodes.OK;
  static final int WRITES_FAILED = ExitCodes.PROBLEMS;
  static final int BAD_INPUT = ExitCodes.USAGE;
  static final int TARGET_UNAVAILABLE = ExitCodes.FAILED;
  /** Beyond the gateway's own codes: the leaver limit stopped the run. */
  static final int REFUSED = 4;
  static final String TOKEN_VARIABLE = "SCIM_SYNC_TOKEN";

  /** The connection pool narrates its start and stop at INFO; a scheduler's log needs only problems. */
  private static final Logger POOL_LOG = Logger.getLogger("com.zaxxer.hikari");

  @Option(names = "--from", required = true, paramLabel = "FILE",
      description = "The export: CSV with a header line, or JSON lines (.jsonl, .ndjson, .json).")
  private Path from;

  @Option(names = "--mapping", required = true, paramLabel = "FILE",
      description = "YAML mapping of SCIM attributes to export columns (see README).")
  private Path mappingFile;

  @Option(names = "--previous", paramLabel = "FILE", description = "The export of the last run that "
      + "ended in step (exit 0). Only rows that differ from it are planned, and the directory is read "
      + "only for those users and their groups. Changes others made to users whose rows did not "
      + "change are left as they are: run without --previous now and then to check everything.")
  private Path previous;

  @Option(names = "--url", paramLabel = "URL", description = "A SCIM 2.0 base URL; the bearer token "
      + "is read from " + TOKEN_VARIABLE + " or --token-file. Without it, the gateway's own backend "
      + "is written in this process.")
  private URI url;

  @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the bearer token.")
  private Path tokenFile;

  @Option(names = "--config", paramLabel = "FILE", description = "Gateway configuration (without --url).")
  private Path config;

  @Option(names = "--data", paramLabel = "DIR", description = "Data directory (without --url).")
  private Path data;

  @Option(names = "--dry-run", description = "Print the plan, with every change, and write nothing.")
  private boolean dryRun;

  @Option(names = "--allow-mass-leavers", description = "Remove more leavers than the mapping's "
      + "maxLeaverShare allows.")
  private boolean allowMassLeavers;

  @Option(names = "--no-bulk", description = "With --url: one request per write even where /Bulk is "
      + "supported.")
  private boolean noBulk;

  @Option(names = "--batch-size", paramLabel = "N", description = "Most writes in one bulk request "
      + "(default: as many as the target takes).")
  private Integer batchSize;

  @Override
  public Integer call() {
    POOL_LOG.setLevel(Level.WARNING);
    PrintStream out = System.out;
    PrintStream err = System.err;
    long started = System.nanoTime();
    // The target opens (a store's pool and migrations, or a server's configuration) while the
    // exports are read; with bad input it is closed again unused.
    FutureTask<SyncTarget> opening = new FutureTask<>(this::openTarget);
    Thread opener = new Thread(opening, "sync-target-opener");
    opener.setDaemon(true);
    opener.start();
    SyncInput input;
    try {
      input = SyncInput.read(from, previous, mappingFile,
          () -> SchemaRegistry.load().resourceType("User").orElseThrow());
    } catch (InputProblem e) {
      input = SyncInput.failed(e);
    }
    if (!input.problems().isEmpty()) {
      input.problems().forEach(err::println);
      err.println("Nothing was written: fix the export or the mapping and run again.");
      closeUnused(opening);
      return BAD_INPUT;
    }
    try (SyncTarget target = opened(opening)) {
      out.println("Read " + input.rows() + " rows from " + from + "; syncing to "
          + target.description());
      return new SyncRun(input, target, out, err, batchSize).run(dryRun, allowMassLeavers, started);
    } catch (TargetUnavailableException e) {
      err.println("sync: " + e.getMessage());
      return TARGET_UNAVAILABLE;
    }
  }

  private static SyncTarget opened(FutureTask<SyncTarget> opening)
      throws TargetUnavailableException {
    try {
      return opening.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TargetUnavailableException unavailable) {
        throw unavailable;
      }
      throw new TargetUnavailableException("Opening the target failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetUnavailableException("Interrupted while opening the target", e);
    }
  }

  private static void closeUnused(FutureTask<SyncTarget> opening) {
    try {
      opened(opening).close();
    } catch (TargetUnavailableException unusedAnyway) {
      // the input was refused first; that is what the run reports
    }
  }

  private SyncTarget openTarget() throws TargetUnavailableException {
    if (url != null) {
      return ScimHttpTarget.connect(url, token(), !noBulk);
    }
    GatewayConfig loaded;
    try {
      loaded = config == null ? GatewayConfig.defaults() : ConfigLoader.load(config);
    } catch (RuntimeException e) {
      throw new TargetUnavailableException("The configuration is unusable: " + e.getMessage(), e);
    }
    return InProcessTarget.open(data == null ? loaded : loaded.withData(data));
  }

  private String token() throws TargetUnavailableException {
    if (tokenFile != null) {
      try {
        return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new TargetUnavailableException("Cannot read the token file " + tokenFile + ": " + e);
      }
    }
    String token = System.getenv(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      throw new TargetUnavailableException("With --url, set " + TOKEN_VARIABLE
          + " to the bearer token (or pass --token-file).");
    }
    return token;
  }
}
