package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.sync.SyncMapping.Column;
import io.scimgateway.gateway.sync.SyncMapping.LeaverAction;
import io.scimgateway.gateway.sync.SyncMapping.MappedAttribute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a mapping file (YAML) and checks it against the User schema. Every problem names the line and
 * column of the mapping where it is, as the parser saw them.
 */
final class MappingReader {

  private static final Set<String> KEYS = Set.of("key", "attributes", "manager", "groups", "leavers",
      "maxLeaverShare");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path file;
  private final ResourceTypeDefinition users;
  private final Map<String, JsonLocation> locations = new HashMap<>();

  private MappingReader(Path file, ResourceTypeDefinition users) {
    this.file = file;
    this.users = users;
  }

  static SyncMapping read(Path file, ResourceTypeDefinition users) throws InputProblem {
    return new MappingReader(file, users).read();
  }

  private SyncMapping read() throws InputProblem {
    JsonNode root = parse();
    if (!root.isObject()) {
      throw problem("", "A mapping is a YAML object with \"attributes\" (SCIM attribute: export column).");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw problem("/" + name, "Unknown key \"" + name + "\"; a mapping has " + KEYS + ".");
      }
    }
    List<MappedAttribute> attributes = attributes(root.path("attributes"));
    MappedAttribute key = mapped(attributes, root.path("key").asText("externalId"), "/key",
        "The key attribute");
    Column manager = root.hasNonNull("manager") ? column(root.get("manager"), "/manager") : null;
    MappedAttribute employeeNumber = manager == null ? null : mapped(attributes,
        SyncMapping.ENTERPRISE + ":employeeNumber", "/manager",
        "The manager column holds employee numbers, so employeeNumber");
    JsonNode groups = root.path("groups");
    return new SyncMapping(file, attributes, key, manager, employeeNumber,
        groups.isObject() ? column(groups.get("column"), "/groups/column") : null,
        groups.path("separator").asText(";"), leavers(root.path("leavers")),
        share(root.path("maxLeaverShare")));
  }

  private JsonNode parse() throws InputProblem {
    try (JsonParser parser = YAML.getFactory().createParser(Files.newBufferedReader(file))) {
      // Remember where every key and value is, by JSON pointer, for the messages below.
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME || token.isScalarValue()) {
          locations.put(parser.getParsingContext().pathAsPointer().toString(),
              parser.currentTokenLocation());
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InputProblem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          null, "Not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InputProblem(file, 0, 0, null, "Cannot read the mapping: " + e.getMessage());
    }
    try {
      JsonNode root = YAML.readTree(file.toFile());
      return root == null ? YAML.createObjectNode() : root;
    } catch (IOException e) {
      throw new InputProblem(file, 0, 0, null, "Cannot read the mapping: " + e.getMessage());
    }
  }

  private List<MappedAttribute> attributes(JsonNode node) throws InputProblem {
    if (!node.isObject() || node.isEmpty()) {
      throw problem("/attributes", "\"attributes\" maps SCIM attributes to export columns, e.g. "
          + "\"userName: email\"; it is missing or empty.");
    }
    List<MappedAttribute> attributes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String pointer = "/attributes/" + escape(entry.getKey());
      AttributePath path;
      try {
        path = AttributePath.parse(entry.getKey());
      } catch (IllegalArgumentException e) {
        throw problem(pointer, e.getMessage());
      }
      attributes.add(new MappedAttribute(path, column(entry.getValue(), pointer),
          definition(path, pointer).getType()));
    }
    return attributes;
  }

  private AttributeDefinition definition(AttributePath path, String pointer) throws InputProblem {
    AttributeDefinition definition;
    try {
      definition = users.getAttributeDefinition(com.unboundid.scim2.common.Path.fromString(path.text()));
    } catch (BadRequestException e) {
      definition = null;
    }
    if (definition == null) {
      throw problem(pointer, "The User schema has no attribute \"" + path + "\".");
    }
    if (definition.getMutability() == AttributeDefinition.Mutability.READ_ONLY
        || definition.getType() == AttributeDefinition.Type.COMPLEX) {
      throw problem(pointer, "\"" + path + "\" cannot be written from a column: it is "
          + (definition.getType() == AttributeDefinition.Type.COMPLEX ? "complex; map its "
          + "sub-attributes instead" : "read-only") + ".");
    }
    return definition;
  }

  private MappedAttribute mapped(List<MappedAttribute> attributes, String text, String pointer,
      String what) throws InputProblem {
    return attributes.stream().filter(a -> a.path().text().equalsIgnoreCase(text)).findFirst()
        .orElseThrow(() -> problem(pointer, what + " \"" + text + "\" must be mapped under "
            + "\"attributes\"."));
  }

  private Column column(JsonNode value, String pointer) throws InputProblem {
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw problem(pointer, "Expected the name of an export column here.");
    }
    JsonLocation at = locations.get(pointer);
    return new Column(value.textValue(), at == null ? 0 : at.getLineNr(),
        at == null ? 0 : at.getColumnNr());
  }

  private LeaverAction leavers(JsonNode node) throws InputProblem {
    String text = node.asText("deactivate").toUpperCase(Locale.ROOT);
    try {
      return LeaverAction.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw problem("/leavers", "\"leavers\" is deactivate or delete, not \"" + node.asText() + "\".");
    }
  }

  private double share(JsonNode node) throws InputProblem {
    if (node.isMissingNode()) {
      return 0.10;
    }
    if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
      throw problem("/maxLeaverShare", "\"maxLeaverShare\" is a share between 0 and 1, e.g. 0.1.");
    }
    return node.asDouble();
  }

  private InputProblem problem(String pointer, String message) {
    JsonLocation at = locations.get(pointer);
    return new InputProblem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
        null, message);
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
