package io.scimgateway.gateway.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An HR export read whole: CSV with a header line (RFC 4180), or JSON lines (one object per line),
 * chosen by the file's extension ({@code .jsonl}, {@code .ndjson} or {@code .json} for JSON lines).
 *
 * @param columns the CSV header, or every field name some JSON line has
 */
record Export(Path file, List<String> columns, List<ExportRow> rows) {

  static Export read(Path file) throws InputProblem {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JsonLinesExport.read(file);
    }
    return CsvExport.read(file);
  }
}
