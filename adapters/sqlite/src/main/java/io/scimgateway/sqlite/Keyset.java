package io.scimgateway.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyset paging over the order {@code (key IS NULL, key, pk)}: missing values last when ascending and
 * first when descending, ties in creation order. A position is the key and pk of a row, as JSON text;
 * "after" and "before" a position are lexicographic comparisons on those three terms, so a page never
 * depends on how many rows came before it.
 */
final class Keyset {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SortKey key;
  private final boolean descending;
  private final SqlDialect dialect;

  Keyset(SortKey key, boolean descending, SqlDialect dialect) {
    this.key = key;
    this.descending = descending;
    this.dialect = dialect;
  }

  /** Whether the order is creation order alone (pk ascending when read forwards). */
  boolean pkOrder() {
    return key == SortKey.NONE;
  }

  /** ORDER BY for reading forwards, or backwards (the reverse order, to be reversed after reading). */
  String orderBy(boolean backwards) {
    if (key == SortKey.NONE) {
      return "resources.pk " + (backwards ? "DESC" : "ASC");
    }
    String keyDirection = descending != backwards ? "DESC" : "ASC";
    String pkDirection = backwards ? "DESC" : "ASC";
    return "(" + key.sql() + ") IS NULL " + keyDirection + ", " + key.sql() + " " + keyDirection
        + ", resources.pk " + pkDirection;
  }

  /** Parameters of {@link #orderBy}. */
  List<Object> orderByParameters() {
    if (key == SortKey.NONE) {
      return List.of();
    }
    List<Object> parameters = new ArrayList<>(key.parameters());
    parameters.addAll(key.parameters());
    return parameters;
  }

  /** The rows strictly after (or, backwards, before) {@code position} in this order. */
  SqlFragment beyond(String position, boolean backwards) {
    Position at = Position.parse(position);
    if (key == SortKey.NONE) {
      return new SqlFragment("resources.pk " + (backwards ? "<" : ">") + " ?", List.of(at.pk()));
    }
    String later = descending != backwards ? "<" : ">";
    String nullRank = "((" + key.sql() + ") IS NULL)";
    String pkLater = backwards ? "<" : ">";
    boolean rank = at.key().isNull();
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    sql.append(nullRank).append(' ').append(later).append(" ?");
    parameters.addAll(key.parameters());
    parameters.add(rank);
    sql.append(" OR (").append(nullRank).append(" = ? AND ").append(key.sql()).append(' ')
        .append(later).append(" ?)");
    parameters.addAll(key.parameters());
    parameters.add(rank);
    parameters.addAll(key.parameters());
    parameters.add(at.value());
    sql.append(" OR (").append(nullRank).append(" = ? AND ").append(key.sql())
        .append(' ').append(dialect.notDistinct()).append(" ? AND resources.pk ").append(pkLater).append(" ?)");
    parameters.addAll(key.parameters());
    parameters.add(rank);
    parameters.addAll(key.parameters());
    parameters.add(at.value());
    parameters.add(at.pk());
    return new SqlFragment(sql.toString(), parameters);
  }

  /** The position of a row, from its sort key value and pk. */
  static String position(Object keyValue, long pk) {
    ArrayNode node = JSON.createArrayNode();
    if (keyValue == null) {
      node.addNull();
    } else if (keyValue instanceof Boolean bool) {
      node.add(bool);
    } else if (keyValue instanceof Integer || keyValue instanceof Long) {
      node.add(((Number) keyValue).longValue());
    } else if (keyValue instanceof Number number) {
      node.add(number.doubleValue());
    } else {
      node.add(keyValue.toString());
    }
    node.add(pk);
    return node.toString();
  }

  /** A position the gateway gave back; it is authenticated by the gateway, so only its shape is checked. */
  record Position(JsonNode key, long pk) {

    static Position parse(String text) {
      try {
        JsonNode node = JSON.readTree(text);
        if (node == null || !node.isArray() || node.size() != 2 || !node.get(1).canConvertToLong()) {
          throw new IllegalArgumentException("not a position: " + text);
        }
        return new Position(node.get(0), node.get(1).longValue());
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("not a position: " + text, e);
      }
    }

    Object value() {
      if (key.isNull()) {
        return null;
      }
      if (key.isBoolean()) {
        return key.booleanValue();
      }
      if (key.isIntegralNumber()) {
        return key.longValue();
      }
      return key.isNumber() ? (Object) key.doubleValue() : key.asText();
    }
  }
}
