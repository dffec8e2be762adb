package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a JSON-lines export: one JSON object per line, its fields the columns; blank lines are skipped. */
final class JsonLinesExport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JSON.getFactory();

  private JsonLinesExport() {}

  static Export read(Path file) throws InputProblem {
    Set<String> columns = new LinkedHashSet<>();
    List<ExportRow> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long line = 0;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        if (!text.isBlank()) {
          Row row = row(file, line, text);
          columns.addAll(row.cells().keySet());
          rows.add(row);
        }
      }
    } catch (NoSuchFileException e) {
      throw new InputProblem(file, 0, 0, null, "No such file.");
    } catch (IOException e) {
      throw new InputProblem(file, 0, 0, null, "Cannot read the export: " + e.getMessage());
    }
    return new Export(file, List.copyOf(columns), rows);
  }

  private static Row row(Path file, long line, String text) throws InputProblem {
    Map<String, JsonNode> cells = new HashMap<>();
    Map<String, Integer> positions = new HashMap<>();
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new InputProblem(file, line, 1, null, "Each line of a JSON-lines export is one object.");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        positions.put(name, parser.currentTokenLocation().getColumnNr());
        if (cells.put(name, parser.readValueAsTree()) != null) {
          throw new InputProblem(file, line, positions.get(name), name, "The field appears twice.");
        }
      }
      if (parser.nextToken() != null) {
        throw new InputProblem(file, line, parser.currentTokenLocation().getColumnNr(), null,
            "Text after the object; each line holds exactly one.");
      }
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new InputProblem(file, line, column, null, "Malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InputProblem(file, line, 0, null, e.getMessage());
    }
    return new Row(file, line, cells, positions);
  }

  /** A JSON line's fields as parsed, each with the character it starts at. */
  private record Row(Path file, long line, Map<String, JsonNode> cells, Map<String, Integer> positions)
      implements ExportRow {

    @Override
    public JsonNode cell(String column) {
      JsonNode value = cells.get(column);
      boolean empty = value == null || value.isNull()
          || value.isTextual() && value.textValue().isEmpty();
      return empty ? null : value;
    }

    @Override
    public List<String> written(List<String> columns) {
      List<String> written = new ArrayList<>(columns.size());
      for (String column : columns) {
        JsonNode value = cells.get(column);
        written.add(value == null ? null : value.toString());
      }
      return written;
    }
  }
}
