package io.scimgateway.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The keys of a configuration file: where each one is (line and column, by JSON pointer), and which
 * of them no section knows, found by walking the file against the configuration's records.
 */
final class ConfigKeys {

  private final Map<String, JsonLocation> locations = new HashMap<>();

  /** Reads every key's location from a parser positioned before the document. */
  ConfigKeys(JsonParser parser) throws IOException {
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      if (token == JsonToken.FIELD_NAME) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        locations.put(pointer, parser.currentTokenLocation());
      }
    }
  }

  /** Where the key or value at {@code pointer} is, or null when unknown. */
  JsonLocation at(String pointer) {
    return locations.get(pointer);
  }

  /** The pointers of keys that {@code type}'s records do not have, removed from {@code tree}. */
  static List<String> removeUnknown(ObjectNode tree, Class<?> type, String pointer) {
    List<String> unknown = new ArrayList<>();
    Map<String, Class<?>> known = new HashMap<>();
    for (RecordComponent component : type.getRecordComponents()) {
      known.put(component.getName(), component.getType());
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String child = pointer + "/" + field.getKey();
      Class<?> childType = known.get(field.getKey());
      if (childType == null) {
        unknown.add(child);
        fields.remove();
      } else if (childType.isRecord() && field.getValue() instanceof ObjectNode section) {
        unknown.addAll(removeUnknown(section, childType, child));
      }
    }
    return unknown;
  }
}
