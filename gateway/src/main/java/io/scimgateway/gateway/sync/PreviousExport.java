package io.scimgateway.gateway.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run keeps of the previous export: each row's mapped cells as written, by its key, and the
 * key of each employeeNumber. Its rows are never mapped; the run ended in step with them.
 *
 * @param keys the previous export's keys and employeeNumbers (its groups are not needed)
 * @param problems a missing or duplicate key; its rows could not be told apart from this export's
 */
record PreviousExport(Map<String, List<String>> cellsByKey, ExportKeys keys,
    List<InputProblem> problems) {

  static PreviousExport of(Export export, SyncMapping mapping) {
    RowMapper mapper = new RowMapper(mapping);
    List<String> columns = mapping.columnNames();
    Map<String, List<String>> cells = new HashMap<>(export.rows().size() * 2);
    ExportKeys keys = new ExportKeys();
    for (ExportRow row : export.rows()) {
      String key = mapper.key(row);
      if (key != null) {
        cells.put(key, row.written(columns));
        keys.add(key, mapper.employeeNumber(row), null);
      }
      if (mapper.tooManyProblems()) {
        break;
      }
    }
    return new PreviousExport(cells, keys, mapper.problems());
  }
}
