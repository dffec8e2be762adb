package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.scimgateway.gateway.sync.SyncMapping.MappedAttribute;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns export rows into {@link DesiredUser}s, collecting every problem (a missing or duplicate key, a
 * cell that is not of the attribute's type) rather than stopping at the first, up to a screenful.
 */
final class RowMapper {

  static final int MAX_PROBLEMS = 20;

  private final SyncMapping mapping;
  private final boolean mapsActive;
  /** Compiled once: String.split would compile a quoted separator again for every row. */
  private final Pattern groupSeparator;
  private final List<InputProblem> problems = new ArrayList<>();
  private final Map<String, Long> lineOfKey = new HashMap<>();
  private final Map<String, Set<String>> groupsByCell = new HashMap<>();

  RowMapper(SyncMapping mapping) {
    this.mapping = mapping;
    this.mapsActive = mapping.mapsActive();
    this.groupSeparator = mapping.groups() == null ? null
        : Pattern.compile(Pattern.quote(mapping.groupSeparator()));
  }

  /** The users of the export; empty, with the problems, when any row is bad. */
  static Result map(Export export, SyncMapping mapping) {
    RowMapper mapper = new RowMapper(mapping);
    List<DesiredUser> users = new ArrayList<>(export.rows().size());
    for (ExportRow row : export.rows()) {
      DesiredUser user = mapper.user(row);
      if (user != null) {
        users.add(user);
      }
      if (mapper.tooManyProblems()) {
        break;
      }
    }
    return mapper.problems.isEmpty() ? new Result(users, List.of())
        : new Result(List.of(), mapper.problems);
  }

  /** The users, or the problems that stop the run. */
  record Result(List<DesiredUser> users, List<InputProblem> problems) {}

  private DesiredUser user(ExportRow row) {
    String key = key(row);
    return key == null ? null : user(row, key);
  }

  /**
   * The row's key, or null when it has none or an earlier row has the same (each reported as a
   * problem): every row is checked here once, whether it is mapped or only compared.
   */
  String key(ExportRow row) {
    String key = text(value(row, mapping.key()));
    String keyColumn = mapping.key().column().name();
    if (key == null) {
      problems.add(row.problem(keyColumn, "The row has no " + mapping.key().path()
          + "; every row needs one, it is how sync finds the user again."));
      return null;
    }
    Long first = lineOfKey.putIfAbsent(key, row.line());
    if (first != null) {
      problems.add(row.problem(keyColumn, "Duplicate key \"" + key + "\": line " + first
          + " has it too."));
      return null;
    }
    return key;
  }

  /** The row mapped, its key already checked by {@link #key}. */
  DesiredUser user(ExportRow row, String key) {
    Map<AttributePath, JsonNode> values = new LinkedHashMap<>();
    for (MappedAttribute attribute : mapping.attributes()) {
      values.put(attribute.path(), value(row, attribute));
    }
    if (!mapsActive) {
      values.put(SyncMapping.ACTIVE, BooleanNode.TRUE); // a user the export lists is employed
    }
    String employeeNumber = mapping.employeeNumber() == null ? null
        : text(values.get(mapping.employeeNumber().path()));
    return new DesiredUser(row.line(), key, values, employeeNumber, managerNumber(row), groups(row));
  }

  /** The row's mapped employeeNumber, which other rows' manager column names, or null. */
  String employeeNumber(ExportRow row) {
    return mapping.employeeNumber() == null ? null : text(value(row, mapping.employeeNumber()));
  }

  /** The employeeNumber the row's manager column names, or null. */
  String managerNumber(ExportRow row) {
    return mapping.manager() == null ? null : text(row.cell(mapping.manager().name()));
  }

  /** The problems found so far; none means every row seen is usable. */
  List<InputProblem> problems() {
    return problems;
  }

  boolean tooManyProblems() {
    return problems.size() >= MAX_PROBLEMS;
  }

  private JsonNode value(ExportRow row, MappedAttribute attribute) {
    JsonNode cell = row.cell(attribute.column().name());
    if (cell == null) {
      return null;
    }
    String text = cell.asText().strip();
    switch (attribute.type()) {
      case BOOLEAN:
        Boolean flag = cell.isBoolean() ? Boolean.valueOf(cell.booleanValue()) : bool(text);
        if (flag == null) {
          problems.add(row.problem(attribute.column().name(), attribute.path() + " is a boolean: "
              + "true or false (also yes/no, 1/0), not \"" + text + "\"."));
        }
        return flag == null ? null : BooleanNode.valueOf(flag);
      case INTEGER:
      case DECIMAL:
        try {
          return attribute.type() == com.unboundid.scim2.common.types.AttributeDefinition.Type.INTEGER
              ? LongNode.valueOf(Long.parseLong(text)) : DoubleNode.valueOf(Double.parseDouble(text));
        } catch (NumberFormatException e) {
          problems.add(row.problem(attribute.column().name(), attribute.path() + " is a number, not \""
              + text + "\"."));
          return null;
        }
      default:
        return text.isEmpty() ? null : TextNode.valueOf(text);
    }
  }

  /**
   * The groups the row names, or null when the mapping has no groups column. Unmodifiable; rows
   * whose groups cell has the same text share one set, split once.
   */
  Set<String> groups(ExportRow row) {
    if (mapping.groups() == null) {
      return null;
    }
    JsonNode cell = row.cell(mapping.groups().name());
    if (cell == null) {
      return Set.of();
    }
    if (cell.isArray()) {
      Set<String> groups = new LinkedHashSet<>();
      cell.forEach(group -> add(groups, group.asText()));
      return Collections.unmodifiableSet(groups);
    }
    return groupsByCell.computeIfAbsent(cell.asText(), text -> {
      Set<String> groups = new LinkedHashSet<>();
      for (String group : groupSeparator.split(text)) {
        add(groups, group);
      }
      return Collections.unmodifiableSet(groups);
    });
  }

  private static void add(Set<String> groups, String name) {
    if (!name.isBlank()) {
      groups.add(name.strip());
    }
  }

  private static Boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> true;
      case "false", "no", "n", "0" -> false;
      default -> null;
    };
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.asText();
  }
}
