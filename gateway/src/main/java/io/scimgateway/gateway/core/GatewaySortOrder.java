package io.scimgateway.gateway.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.spi.Sorting;
import java.math.BigDecimal;
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
 * without a value last when ascending and first when descending. Used with a stable sort, resources
 * with equal values keep the store's order. Thread-safe.
 */
final class GatewaySortOrder implements Comparator<ObjectNode> {

  private final Path attribute;
  private final boolean descending;
  private final AttributeDefinition definition;

  GatewaySortOrder(Sorting sorting, ResourceTypeDefinition resourceType) {
    this.attribute = sorting.attribute();
    this.descending = sorting.descending();
    this.definition = resourceType.getAttributeDefinition(attribute);
  }

  @Override
  public int compare(ObjectNode left, ObjectNode right) {
    JsonNode a = valueOf(left);
    JsonNode b = valueOf(right);
    if (a == null || b == null) {
      // Missing values go last ascending and first descending: the same place after the flip below.
      int missing = a == null && b == null ? 0 : a == null ? 1 : -1;
      return descending ? -missing : missing;
    }
    int order = compareValues(a, b);
    return descending ? -order : order;
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
      node = field(node, attribute.getElement(i).getAttribute());
    }
    return node == null || node.isNull() || node.isContainerNode() ? null : node;
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
