package io.scimgateway.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every mistake in a configuration file while it is read, each with its line and column,
 * instead of stopping at the first: an unknown key, or a value of the wrong kind. The reader goes on
 * past each one (the key skipped, the value unset), so that one start reports them all.
 */
final class ConfigProblems extends DeserializationProblemHandler {

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Deque<JsonLocation>> keys = new HashMap<>();

  private record Problem(int line, int column, String text) {
  }

  /** Reads where each key is spelled in the file, in order, to place keys the reader reports without. */
  ConfigProblems(JsonParser yaml) throws IOException {
    for (JsonToken token = yaml.nextToken(); token != null; token = yaml.nextToken()) {
      if (token == JsonToken.FIELD_NAME) {
        keys.computeIfAbsent(yaml.currentName(), k -> new ArrayDeque<>())
            .add(yaml.currentTokenLocation());
      }
    }
  }

  /** Every problem, in the order of the file. */
  List<String> all() {
    return problems.stream()
        .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
        .map(Problem::text).toList();
  }

  void add(JsonLocation location, String problem) {
    boolean known = location != null && location.getLineNr() > 0;
    problems.add(new Problem(known ? location.getLineNr() : 0, known ? location.getColumnNr() : 0,
        at(location) + problem));
  }

  @Override
  public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
      JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
    JsonLocation location = parser.currentTokenLocation();
    Deque<JsonLocation> spelled = keys.get(propertyName);
    if ((location == null || location.getLineNr() < 1) && spelled != null && !spelled.isEmpty()) {
      location = spelled.poll(); // records buffer their keys, without locations
    }
    add(location, "unknown key \"" + propertyName + "\"");
    parser.skipChildren();
    return true;
  }

  @Override
  public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType,
      String value, String failureMessage) {
    add(context.getParser().currentTokenLocation(), "\"" + value + "\" is not " + kind(targetType));
    return null;
  }

  @Override
  public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType,
      Number value, String failureMessage) {
    add(context.getParser().currentTokenLocation(), value + " is not " + kind(targetType));
    return null;
  }

  @Override
  public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType,
      JsonToken token, JsonParser parser, String failureMessage) throws IOException {
    add(parser.currentTokenLocation(), "expected " + kind(targetType.getRawClass()) + ", found "
        + found(token));
    parser.skipChildren();
    return null;
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }

  private static String kind(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == String.class || type == java.nio.file.Path.class) {
      return "a text value";
    }
    return "a section of keys";
  }

  private static String found(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "a section of keys";
      case VALUE_STRING -> "a text value";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      default -> "nothing";
    };
  }
}
