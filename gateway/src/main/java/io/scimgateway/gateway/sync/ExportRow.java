package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One record of an export: its cells by column name, and where it is in the file. */
interface ExportRow {

  Path file();

  /** The 1-based line the record starts on. */
  long line();

  /** The cell's value, or null when the row has none or it is empty or JSON null. */
  JsonNode cell(String column);

  /**
   * The named cells as written (JSON lines: as JSON; an absent cell: null): two rows equal here map
   * to the same user, so a run with the previous export compares these and maps only the rows whose
   * cells changed.
   */
  List<String> written(List<String> columns);

  /** Each cell's 1-based column in the line (CSV: field number; JSON lines: character). */
  Map<String, Integer> positions();

  /** A problem with the cell of {@code column}, placed at its line and column in the file. */
  default InputProblem problem(String column, String message) {
    return new InputProblem(file(), line(), positions().getOrDefault(column, 0), column, message);
  }
}
