package io.scimgateway.gateway.sync;

import java.nio.file.Path;

/**
 * Something wrong in the export or the mapping, found before anything is written: where (file, line,
 * column) and what. Sync reads both files whole first, so one bad row stops the run with nothing
 * half-applied.
 */
public final class InputProblem extends Exception {

  private final String where;

  /**
   * @param line 1-based line, or 0 when the problem is about the whole file
   * @param column 1-based column (a CSV field, a JSON field's position, a YAML scalar), or 0 when unknown
   * @param columnName the export column's name, or null
   */
  public InputProblem(Path file, long line, int column, String columnName, String message) {
    super(message);
    StringBuilder text = new StringBuilder(file.toString());
    if (line > 0) {
      text.append(':').append(line);
      if (column > 0) {
        text.append(':').append(column);
      }
    }
    if (columnName != null) {
      text.append(" (column \"").append(columnName).append("\")");
    }
    this.where = text.toString();
  }

  /** {@code file:line:column (column "name")}, as compilers print it, so editors can jump there. */
  public String where() {
    return where;
  }

  @Override
  public String toString() {
    return where + ": " + getMessage();
  }
}
