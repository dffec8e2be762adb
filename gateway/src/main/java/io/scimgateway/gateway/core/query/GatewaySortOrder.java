package io.scimgateway.gateway.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.spi.Sorting;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The order of {@code sortBy} and {@code sortOrder} (RFC 7644 section 3.4.2.3) over resource
 * representations, for stores that cannot sort by an attribute themselves: values compared by their
 * schema type, strings without regard to case unless the attribute is {@code caseExact}, resources
 * without a value last when ascending and first when descending. Resources with equal values keep
 * creation order ({@code meta.created}, then the id) in both directions, whatever order the store
 * lists them in. Thread-safe.
 */
final class GatewaySortOrder implements Comparator<GatewaySortOrder.Key> {

  /**
   * Where a resource falls in the order: its value of the sort attribute (null when it has none),
   * its creation time and its id, which makes the order total so that a cursor can resume after a
   * key even when its resource is gone.
   */
  record Key(JsonNode value, Instant created, String id) {

    /** The key as text, for a cursor position. */
    String text() {
      ArrayNode key = JsonNodeFactory.instance.arrayNode();
      key.add(value == null ? NullNode.getInstance() : value);
      key.add(created == null ? null : created.toString());
      key.add(id);
      return key.toString();
    }

    static Key parse(String text) {
      try {
        JsonNode key = READER.readTree(text);
        JsonNode value = key.get(0);
        return new Key(value.isNull() ? null : value,
            key.get(1).isNull() ? null : Instant.parse(key.get(1).asText()), key.get(2).asText());
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("not a sort position: " + text, e);
      }
    }
  }

  private static final ObjectMapper READER = new ObjectMapper();

  private final Path attribute;
  private final boolean descending;
  private final AttributeDefinition definition;

  GatewaySortOrder(Sorting sorting, ResourceTypeDefinition resourceType) {
    this.attribute = sorting.attribute();
    this.descending = sorting.descending();
    this.definition = resourceType.getAttributeDefinition(attribute);
  }

  /** The key of a resource representation (as {@code ResourceRepresentation.forFiltering} makes it). */
  Key keyOf(ObjectNode resource) {
    Instant created;
    try {
      created = OffsetDateTime.parse(resource.path("meta").path("created").asText("")).toInstant();
    } catch (DateTimeParseException e) {
      created = null;
    }
    return new Key(valueOf(resource), created, resource.path("id").asText(""));
  }

  @Override
  public int compare(Key left, Key right) {
    JsonNode a = left.value();
    JsonNode b = right.value();
    if (a == null || b == null) {
      if (a == null && b == null) {
        return creationOrder(left, right);
      }
      int missing = a == null ? 1 : -1; // last when ascending, first when descending
      return descending ? -missing : missing;
    }
    int order = compareValues(a, b);
    return order != 0 ? (descending ? -order : order) : creationOrder(left, right);
  }

  /** Earlier creation first (in both directions), unknown times last, then the id. */
  private static int creationOrder(Key left, Key right) {
    Comparator<Instant> times = Comparator.nullsLast(Comparator.naturalOrder());
    int created = times.compare(left.created(), right.created());
    return created != 0 ? created : left.id().compareTo(right.id());
  }

  private int compareValues(JsonNode a, JsonNode b) {
    AttributeDefinition.Type type = definition == null ? AttributeDefinition.Type.STRING
        : definition.getType();
    switch (type) {
      case BOOLEAN:
        return Boolean.compare(a.asBoolean(), b.asBoolean());
      case INTEGER:
      case DECIMAL:
        if (a.isNumber() && b.isNumber()) {
          return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        break;
      case DATETIME:
        try {
          return OffsetDateTime.parse(a.asText()).toInstant()
              .compareTo(OffsetDateTime.parse(b.asText()).toInstant());
        } catch (DateTimeParseException e) {
          break;
        }
      default:
        break;
    }
    boolean caseExact = definition != null && definition.isCaseExact();
    return caseExact ? a.asText().compareTo(b.asText())
        : a.asText().toLowerCase(Locale.ROOT).compareTo(b.asText().toLowerCase(Locale.ROOT));
  }

  /** The attribute's value, or null when the resource has none; names matched without case. */
  private JsonNode valueOf(ObjectNode resource) {
    JsonNode node = resource;
    if (attribute.getSchemaUrn() != null) {
      node = field(node, attribute.getSchemaUrn());
    }
    for (int i = 0; node != null && i < attribute.size(); i++) {
      node = primaryOrFirst(field(node, attribute.getElement(i).getAttribute()));
    }
    return node == null || node.isNull() || node.isContainerNode() ? null : node;
  }

  /** Of a multi-valued attribute, the value sorted by: the primary one, else the first (RFC 7644 3.4.2.3). */
  private static JsonNode primaryOrFirst(JsonNode node) {
    if (node == null || !node.isArray()) {
      return node;
    }
    for (JsonNode value : node) {
      if (value.path("primary").asBoolean(false)) {
        return value;
      }
    }
    return node.isEmpty() ? null : node.get(0);
  }

  private static JsonNode field(JsonNode node, String name) {
    if (!node.isObject()) {
      return null;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return null;
  }
}
