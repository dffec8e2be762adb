package io.scimgateway.gateway.sync;

import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

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

  static SyncInput failed(InputProblem problem) {
    return new SyncInput(null, List.of(), null, 0, List.of(problem));
  }

  /**
   * Parses the exports on threads of their own while this one loads the schemas and the mapping:
   * at HR volume, each export is a second or two of parsing.
   */
  static SyncInput read(Path export, Path previous, Path mappingFile,
      Supplier<ResourceTypeDefinition> users) throws InputProblem {
    ExecutorService readers = Executors.newFixedThreadPool(2, task -> {
      Thread thread = new Thread(task, "sync-export-reader");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Future<Export> parsed = readers.submit(() -> Export.read(export));
      Future<Export> parsedBefore =
          previous == null ? null : readers.submit(() -> Export.read(previous));
      SyncMapping mapping = MappingReader.read(mappingFile, users.get());
      if (previous == null) {
        Export rows = checked(parsed, mapping, mappingFile);
        RowMapper.Result result = RowMapper.map(rows, mapping);
        return new SyncInput(mapping, result.users(), null, rows.rows().size(), result.problems());
      }
      if (mapping.key().path().valueType() != null) {
        SyncMapping.Column key = mapping.key().column();
        throw new InputProblem(mappingFile, key.line(), key.column(), null, "With --previous, the "
            + "key must be an attribute a filter can name alone, not the typed value \""
            + mapping.key().path().text() + "\".");
      }
      Future<PreviousExport> before = readers.submit(
          () -> PreviousExport.of(checked(parsedBefore, mapping, mappingFile), mapping));
      Export rows = checked(parsed, mapping, mappingFile);
      PreviousExport previousRows = joined(before);
      ExportDelta.Result delta = ExportDelta.between(previousRows, rows, mapping);
      if (!previousRows.problems().isEmpty()) {
        // Both exports' problems at once; this export's are those found against what was read.
        List<InputProblem> problems = new ArrayList<>(delta.problems());
        problems.addAll(previousRows.problems());
        return new SyncInput(mapping, null, null, rows.rows().size(), problems);
      }
      return new SyncInput(mapping, null, delta.delta(), rows.rows().size(), delta.problems());
    } finally {
      readers.shutdownNow();
    }
  }

  /** The export, read whole, once every column the mapping names is known to be in it. */
  private static Export checked(Future<Export> parsed, SyncMapping mapping, Path mappingFile)
      throws InputProblem {
    Export rows = joined(parsed);
    for (SyncMapping.Column column : mapping.columns()) {
      if (!rows.columns().contains(column.name())) {
        throw new InputProblem(mappingFile, column.line(), column.column(), null, "The export "
            + rows.file() + " has no column \"" + column.name() + "\"; its columns are "
            + rows.columns() + ".");
      }
    }
    return rows;
  }

  private static <T> T joined(Future<T> reading) throws InputProblem {
    try {
      return reading.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InputProblem problem) {
        throw problem;
      }
      throw new IllegalStateException("Reading the export failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the export", e);
    }
  }
}
