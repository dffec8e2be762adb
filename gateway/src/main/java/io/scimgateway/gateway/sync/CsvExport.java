package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV export: a header line naming the columns, then one record per row (quoted fields may
 * span lines). A record with more or fewer fields than the header is refused with its line.
 */
final class CsvExport {

  private static final CsvFactory CSV = CsvFactory.builder()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .build();

  private CsvExport() {}

  static Export read(Path file) throws InputProblem {
    long[] lastRecord = {1}; // the line of the last record read whole, for parse errors
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      reader.mark(1);
      if (reader.read() != '\uFEFF') { // a byte order mark, as spreadsheets write, is not data
        reader.reset();
      }
      try (CsvParser parser = CSV.createParser(reader)) {
        parser.nextToken(); // the array all records are wrapped in
        List<String> header = header(file, parser);
        // A CSV field's column is its place in the header, the same in every row: one map for all.
        Map<String, Integer> positions = new HashMap<>(header.size() * 2);
        for (int i = 0; i < header.size(); i++) {
          positions.put(header.get(i), i + 1);
        }
        List<ExportRow> rows = new ArrayList<>();
        for (List<String> fields = new ArrayList<>(); parser.nextToken() == JsonToken.START_ARRAY; ) {
          fields.clear();
          long line = 0;
          while (parser.nextToken() == JsonToken.VALUE_STRING) {
            line = line == 0 ? parser.currentTokenLocation().getLineNr() : line;
            fields.add(parser.getText());
          }
          rows.add(row(file, line, header, positions, fields));
          lastRecord[0] = line;
        }
        return new Export(file, header, rows);
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InputProblem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          null, "Malformed CSV: " + e.getOriginalMessage() + " (in the record after line "
          + lastRecord[0] + ")");
    } catch (NoSuchFileException e) {
      throw new InputProblem(file, 0, 0, null, "No such file.");
    } catch (IOException e) {
      throw new InputProblem(file, 0, 0, null, "Cannot read the export: " + e.getMessage());
    }
  }

  private static List<String> header(Path file, CsvParser parser) throws IOException, InputProblem {
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      throw new InputProblem(file, 1, 0, null, "The export is empty; it needs a header line.");
    }
    List<String> header = new ArrayList<>();
    while (parser.nextToken() == JsonToken.VALUE_STRING) {
      String name = parser.getText().strip();
      if (name.isEmpty() || header.contains(name)) {
        throw new InputProblem(file, 1, header.size() + 1, null, name.isEmpty()
            ? "A header field is empty; every column needs a name." : "The header names \"" + name
            + "\" twice.");
      }
      header.add(name);
    }
    return header;
  }

  private static ExportRow row(Path file, long line, List<String> header,
      Map<String, Integer> positions, List<String> fields) throws InputProblem {
    if (fields.size() != header.size()) {
      throw new InputProblem(file, line, Math.min(fields.size(), header.size()) + 1, null,
          "This row has " + fields.size() + " fields; the header has " + header.size()
          + " (a delimiter too many or too few, or an unclosed quote on the line before?).");
    }
    return new Row(file, line, fields.toArray(String[]::new), positions);
  }

  /**
   * A CSV record: its fields as read, found by the header's positions (shared by all rows). A cell's
   * node is made when the mapping asks for it, so rows that are only compared never make one.
   */
  private record Row(Path file, long line, String[] fields, Map<String, Integer> positions)
      implements ExportRow {

    @Override
    public JsonNode cell(String column) {
      Integer position = positions.get(column);
      return position == null || fields[position - 1].isEmpty() ? null
          : TextNode.valueOf(fields[position - 1]);
    }

    @Override
    public List<String> written(List<String> columns) {
      String[] written = new String[columns.size()];
      for (int i = 0; i < written.length; i++) {
        Integer position = positions.get(columns.get(i));
        written[i] = position == null ? null : fields[position - 1];
      }
      return Arrays.asList(written); // a view: the fields are not copied
    }
  }

}
