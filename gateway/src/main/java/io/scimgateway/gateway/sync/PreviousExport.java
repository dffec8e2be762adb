package io.scimgateway.gateway.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run keeps of the previous export: each row's mapped cells as written, by its key, and the
 * key of each employeeNumber. Its rows are never mapped; the run ended in step with them.
 *
 * @param problems a missing or duplicate key; its rows could not be told apart from this export's
 */
record PreviousExport(Map<String, List<String>> cellsByKey, Map<String, String> keysByEmployeeNumber,
    List<InputProblem> problems) {

  static PreviousExport of(Export export, SyncMapping mapping) {
    RowMapper mapper = new RowMapper(mapping);
    List<String> columns = mapping.columnNames();
    Map<String, List<String>> cells = new HashMap<>(export.rows().size() * 2);
    Map<String, String> keysByNumber = new HashMap<>(export.rows().size() * 2);
    for (ExportRow row : export.rows()) {
      String key = mapper.key(row);
      if (key != null) {
        cells.put(key, row.written(columns));
        String number = mapper.employeeNumber(row);
        if (number != null) {
          keysByNumber.putIfAbsent(number, key);
        }
      }
      if (mapper.tooManyProblems()) {
        break;
      }
    }
    return new PreviousExport(cells, keysByNumber, mapper.problems());
  }

  /** The key of the previous export's row with this employeeNumber, or null. */
  String keyOf(String employeeNumber) {
    return employeeNumber == null ? null : keysByEmployeeNumber.get(employeeNumber);
  }
}
