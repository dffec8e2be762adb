package io.scimgateway.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a configuration file and collects every problem it can find in one pass, each with its line
 * and column: unknown keys and values of the wrong type are noted and skipped, so that one mistake
 * does not hide the next; a value a section refuses (a port out of range) ends the pass.
 */
public final class ConfigCheck {

  /** One problem, where it is in the file. */
  public record Problem(int line, int column, String message) {
    @Override
    public String toString() {
      return line > 0 ? "line " + line + ", column " + column + ": " + message : message;
    }
  }

  /** The outcome: the configuration when there are no problems. */
  public record Result(Optional<GatewayConfig> config, List<Problem> problems) {
  }

  private ConfigCheck() {
  }

  public static Result check(Path file) {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      problems.add(new Problem(0, 0, "The configuration file " + file + " does not exist."));
      return new Result(Optional.empty(), problems);
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    GatewayConfig config = null;
    ConfigKeys keys = null;
    try (JsonParser keysParser = yaml.createParser(file.toFile())) {
      keys = new ConfigKeys(keysParser);
      JsonNode tree = yaml.readTree(file.toFile());
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return new Result(Optional.of(GatewayConfig.defaults()), problems);
      }
      if (tree instanceof ObjectNode root) {
        for (String unknown : ConfigKeys.removeUnknown(root, GatewayConfig.class, "")) {
          problems.add(at(keys.at(unknown), "unknown key \"" + dotted(unknown)
              + "\" (check its spelling against README's Configuration section)"));
        }
      }
      config = yaml.copy().addHandler(new Collector(problems, keys))
          .treeToValue(tree, GatewayConfig.class);
      config.limits().toGatewayLimits();
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      JsonLocation where = keys == null ? e.getLocation() : keys.at(pointer(e));
      problems.add(at(where, cause == e ? e.getOriginalMessage() : cause.getMessage()));
    } catch (JsonProcessingException e) {
      problems.add(at(e.getLocation(), e.getOriginalMessage()));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(0, 0, e.getMessage()));
    } catch (IOException e) {
      problems.add(new Problem(0, 0, "Cannot read " + file + ": " + e.getMessage()));
    }
    problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return new Result(problems.isEmpty() ? Optional.ofNullable(config) : Optional.empty(), problems);
  }

  private static String pointer(JsonMappingException e) {
    StringBuilder pointer = new StringBuilder();
    e.getPath().forEach(reference -> pointer.append('/').append(reference.getFieldName() != null
        ? reference.getFieldName() : String.valueOf(reference.getIndex())));
    return pointer.toString();
  }

  private static String dotted(String pointer) {
    return pointer.isEmpty() ? "the top level" : pointer.substring(1).replace('/', '.');
  }

  private static Problem at(JsonLocation location, String message) {
    return location == null || location.getLineNr() < 1 ? new Problem(0, 0, message)
        : new Problem(location.getLineNr(), location.getColumnNr(), message);
  }

  /** Notes a problem and lets the reading go on past it. */
  private static final class Collector extends DeserializationProblemHandler {

    private final List<Problem> problems;
    private final ConfigKeys keys;

    Collector(List<Problem> problems, ConfigKeys keys) {
      this.problems = problems;
      this.keys = keys;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext context, Class<?> type,
        String value, String message) {
      return noted(context.getParser(), "\"" + value + "\" is not " + article(type));
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext context, Class<?> type,
        Number value, String message) {
      return noted(context.getParser(), value + " is not " + article(type));
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext context, JavaType type,
        JsonToken token, JsonParser parser, String message) throws IOException {
      parser.skipChildren();
      return noted(parser, "expected " + article(type.getRawClass()) + " here");
    }

    private Object noted(JsonParser parser, String message) {
      String pointer = parser.getParsingContext().pathAsPointer().toString();
      problems.add(at(keys.at(pointer), dotted(pointer) + ": " + message));
      return null;
    }

    private static String article(Class<?> type) {
      if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
        return "a number";
      }
      if (type == Boolean.class || type == boolean.class) {
        return "true or false";
      }
      if (type == String.class) {
        return "a text value";
      }
      return "a " + (List.class.isAssignableFrom(type) ? "list" : "section");
    }
  }
}
