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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    SyncInput input;
    try {
      input = SyncInput.read(from, previous, mappingFile,
          SchemaRegistry.load().resourceType("User").orElseThrow());
    } catch (InputProblem e) {
      input = new SyncInput(null, List.of(), null, 0, List.of(e));
    }
    if (!input.problems().isEmpty()) {
      input.problems().forEach(err::println);
      err.println("Nothing was written: fix the export or the mapping and run again.");
      return BAD_INPUT;
    }
    try (SyncTarget target = openTarget()) {
      out.println("Read " + input.rows() + " rows from " + from + "; syncing to "
          + target.description());
      return new SyncRun(input, target, out, err, batchSize).run(dryRun, allowMassLeavers, started);
    } catch (TargetUnavailableException e) {
      err.println("sync: " + e.getMessage());
      return TARGET_UNAVAILABLE;
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

  /**
   * The export (and the previous one, when given) and the mapping, read and checked, or the problems
   * found.
   *
   * @param users the export's rows mapped, for a run that compares everything; else null
   * @param delta what differs from the previous export, for a run with one; else null
   * @param rows how many rows the export has
   */
  record SyncInput(SyncMapping mapping, List<DesiredUser> users, ExportDelta delta, int rows,
      List<InputProblem> problems) {

    static SyncInput read(Path export, Path previous, Path mappingFile,
        com.unboundid.scim2.server.utils.ResourceTypeDefinition users) throws InputProblem {
      SyncMapping mapping = MappingReader.read(mappingFile, users);
      if (previous == null) {
        Export rows = rows(export, mapping, mappingFile);
        RowMapper.Result result = RowMapper.map(rows, mapping);
        return new SyncInput(mapping, result.users(), null, rows.rows().size(), result.problems());
      }
      if (mapping.key().path().valueType() != null) {
        SyncMapping.Column key = mapping.key().column();
        throw new InputProblem(mappingFile, key.line(), key.column(), null, "With --previous, the "
            + "key must be an attribute a filter can name alone, not the typed value \""
            + mapping.key().path().text() + "\".");
      }
      // The two exports are read side by side: each is a second or two of parsing at HR volume.
      CompletableFuture<PreviousExport> before = CompletableFuture.supplyAsync(() -> {
        try {
          return PreviousExport.of(rows(previous, mapping, mappingFile), mapping);
        } catch (InputProblem e) {
          throw new CompletionException(e);
        }
      });
      Export rows = rows(export, mapping, mappingFile);
      PreviousExport previousRows;
      try {
        previousRows = before.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof InputProblem problem) {
          throw problem;
        }
        throw e;
      }
      if (!previousRows.problems().isEmpty()) {
        return new SyncInput(mapping, null, null, rows.rows().size(), previousRows.problems());
      }
      ExportDelta.Result delta = ExportDelta.between(previousRows, rows, mapping);
      return new SyncInput(mapping, null, delta.delta(), rows.rows().size(), delta.problems());
    }

    /** The export, read whole, once every column the mapping names is known to be in it. */
    private static Export rows(Path export, SyncMapping mapping, Path mappingFile)
        throws InputProblem {
      Export rows = Export.read(export);
      for (SyncMapping.Column column : mapping.columns()) {
        if (!rows.columns().contains(column.name())) {
          throw new InputProblem(mappingFile, column.line(), column.column(), null, "The export "
              + export + " has no column \"" + column.name() + "\"; its columns are " + rows.columns()
              + ".");
        }
      }
      return rows;
    }
  }
}
