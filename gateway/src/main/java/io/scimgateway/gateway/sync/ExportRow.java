package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * One record of an export: its cells by column name, and where it is in the file.
 *
 * @param line the 1-based line the record starts on
 * @param cells the values (CSV: text; JSON lines: as written); a column the row lacks is absent
 * @param positions each cell's 1-based column in the line (CSV: field number; JSON lines: character)
 */
record ExportRow(Path file, long line, Map<String, JsonNode> cells, Map<String, Integer> positions) {

  /** The cell's value, or null when the row has none or it is empty or JSON null. */
  JsonNode cell(String column) {
    JsonNode value = cells.get(column);
    if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
      return null;
    }
    return value;
  }

  InputProblem problem(String column, String message) {
    return new InputProblem(file, line, positions.getOrDefault(column, 0), column, message);
  }
}
