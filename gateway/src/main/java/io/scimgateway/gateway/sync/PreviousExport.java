package io.scimgateway.gateway.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run keeps of the previous export: the text of each row's mapped cells by its key, and the
 * key of each employeeNumber. Its rows are never mapped; the run ended in step with them.
 *
 * @param problems a missing or duplicate key; its rows could not be told apart from this export's
 */
record PreviousExport(Map<String, String> textByKey, Map<String, String> keysByEmployeeNumber,
    List<InputProblem> problems) {

  static PreviousExport of(Export export, SyncMapping mapping) {
    RowMapper mapper = new RowMapper(mapping);
    List<String> columns = mapping.columnNames();
    Map<String, String> texts = new HashMap<>(export.rows().size() * 2);
    Map<String, String> keysByNumber = new HashMap<>(export.rows().size() * 2);
    for (ExportRow row : export.rows()) {
      String key = mapper.key(row);
      if (key != null) {
        texts.put(key, row.text(columns));
        String number = mapper.employeeNumber(row);
        if (number != null) {
          keysByNumber.putIfAbsent(number, key);
        }
      }
      if (mapper.tooManyProblems()) {
        break;
      }
    }
    return new PreviousExport(texts, keysByNumber, mapper.problems());
  }

  /** The key of the previous export's row with this employeeNumber, or null. */
  String keyOf(String employeeNumber) {
    return employeeNumber == null ? null : keysByEmployeeNumber.get(employeeNumber);
  }
}
