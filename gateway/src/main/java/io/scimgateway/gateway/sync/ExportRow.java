package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/** One record of an export: its cells by column name, and where it is in the file. */
interface ExportRow {

  Path file();

  /** The 1-based line the record starts on. */
  long line();

  /** The cell's value, or null when the row has none or it is empty or JSON null. */
  JsonNode cell(String column);

  /**
   * The named cells as written, in one string that differs whenever one of them does: two rows with
   * the same text here map to the same user, so a run with the previous export compares this and
   * maps only the rows whose text changed.
   */
  String text(List<String> columns);

  /** A problem with the cell of {@code column}, placed at its line and column in the file. */
  InputProblem problem(String column, String message);
}
