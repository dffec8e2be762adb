package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.core.ClientCompatibility;
import java.util.ArrayList;
import java.util.List;

/**
 * Adapts PATCH operations as identity providers send them to what the SDK applies, where
 * {@link ClientCompatibility} allows: values coerced to the attribute's type ({@code "False"} for a
 * boolean, a bare id for {@code manager}), and {@code add}/{@code replace} through a value path that
 * matches nothing turned into adding the element the path describes. The SDK's PATCH stores values as
 * given, so coercion happens before it runs; the result is still checked against the schema. Thread-safe.
 */
final class LenientPatch {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ResourceTypeDefinition resourceType;
  private final ClientCompatibility compatibility;

  LenientPatch(ResourceTypeDefinition resourceType, ClientCompatibility compatibility) {
    this.resourceType = resourceType;
    this.compatibility = compatibility;
  }

  List<PatchOperation> adapt(List<PatchOperation> operations, String id, ObjectNode current)
      throws ScimException {
    List<PatchOperation> adapted = new ArrayList<>();
    for (PatchOperation operation : operations) {
      adapted.add(adapt(operation, id, current));
    }
    return adapted;
  }

  private PatchOperation adapt(PatchOperation operation, String id, ObjectNode current)
      throws ScimException {
    if (operation.getOpType() == PatchOpType.REMOVE || operation.getJsonNode() == null) {
      return operation;
    }
    Path path = operation.getPath();
    JsonNode value = path == null
        ? coerceAttributes(withoutOwnId(operation.getJsonNode(), id))
        : coerce(operation.getJsonNode(), resourceType.getAttributeDefinition(path.withoutFilters()));
    if (path != null && compatibility.valuePathUpserts()) {
      PatchOperation upsert = upsert(path, value, current);
      if (upsert != null) {
        return upsert;
      }
    }
    return PatchOperation.create(operation.getOpType(), path, value);
  }

  /**
   * {@code emails[type eq "work"].value} with no work email: add {@code {"type": "work", "value": v}}.
   * Only for value filters made of {@code eq} terms joined by {@code and}, which describe one element.
   */
  private PatchOperation upsert(Path path, JsonNode value, ObjectNode current) throws ScimException {
    if (path.size() == 0 || path.getElement(0).getValueFilter() == null || path.size() > 2) {
      return null;
    }
    Filter filter = path.getElement(0).getValueFilter();
    ObjectNode element = JSON.objectNode();
    if (!describe(filter, element)) {
      return null;
    }
    Path attribute = Path.root(path.getSchemaUrn()).attribute(path.getElement(0).getAttribute());
    for (JsonNode existing : JsonUtils.findMatchingPaths(attribute, current)) {
      for (JsonNode each : existing.isArray() ? existing : JSON.arrayNode().add(existing)) {
        if (FilterEvaluator.evaluate(filter, each)) {
          return null;
        }
      }
    }
    if (path.size() == 2) {
      element.set(path.getElement(1).getAttribute(), value);
    } else if (value instanceof ObjectNode object) {
      element.setAll(object);
    } else {
      return null;
    }
    return PatchOperation.add(attribute, JSON.arrayNode().add(element));
  }

  private static boolean describe(Filter filter, ObjectNode element) {
    if (filter.getFilterType() == FilterType.AND) {
      for (Filter each : filter.getCombinedFilters()) {
        if (!describe(each, element)) {
          return false;
        }
      }
      return true;
    }
    if (filter.getFilterType() != FilterType.EQUAL || filter.getAttributePath().size() != 1) {
      return false;
    }
    element.set(filter.getAttributePath().getElement(0).getAttribute(), filter.getComparisonValue());
    return true;
  }

  /**
   * Okta repeats the group's {@code id} in a path-less replace; the same id changes nothing and is
   * dropped (a different one stays, and is refused as read-only).
   */
  private static JsonNode withoutOwnId(JsonNode value, String id) {
    if (!(value instanceof ObjectNode object) || !object.path("id").asText("").equals(id)) {
      return value;
    }
    ObjectNode copy = object.deepCopy();
    copy.remove("id");
    return copy;
  }

  /** A path-less operation's value: attributes by name, extensions by URN. */
  private JsonNode coerceAttributes(JsonNode value) {
    if (!(value instanceof ObjectNode object)) {
      return value;
    }
    ObjectNode coerced = object.deepCopy();
    object.fields().forEachRemaining(field -> {
      AttributeDefinition definition = definitionOf(field.getKey());
      if (definition != null) {
        coerced.set(field.getKey(), coerce(field.getValue(), definition));
      } else if (field.getValue() instanceof ObjectNode extension) {
        ObjectNode inner = extension.deepCopy();
        extension.fields().forEachRemaining(sub -> {
          AttributeDefinition subDefinition = resourceType.getAttributeDefinition(
              Path.root(field.getKey()).attribute(sub.getKey()));
          if (subDefinition != null) {
            inner.set(sub.getKey(), coerce(sub.getValue(), subDefinition));
          }
        });
        coerced.set(field.getKey(), inner);
      }
    });
    return coerced;
  }

  private AttributeDefinition definitionOf(String name) {
    try {
      return resourceType.getAttributeDefinition(Path.fromString(name));
    } catch (Exception e) {
      return null;
    }
  }

  /** A value as the attribute's type wants it, where a leniency allows; otherwise as given. */
  JsonNode coerce(JsonNode value, AttributeDefinition definition) {
    if (definition == null || value == null) {
      return value;
    }
    if (value.isArray()) {
      ArrayNode coerced = JSON.arrayNode();
      value.forEach(each -> coerced.add(coerce(each, definition)));
      return coerced;
    }
    return switch (definition.getType()) {
      case BOOLEAN -> compatibility.booleanOf(value);
      case COMPLEX -> complex(value, definition);
      default -> value;
    };
  }

  private JsonNode complex(JsonNode value, AttributeDefinition definition) {
    if (definition.getSubAttributes() == null) {
      return value;
    }
    if (value.isTextual() && compatibility.bareComplexValues()
        && definition.getSubAttributes().stream().anyMatch(s -> s.getName().equals("value"))) {
      return JSON.objectNode().set("value", value);
    }
    if (!(value instanceof ObjectNode object)) {
      return value;
    }
    ObjectNode coerced = object.deepCopy();
    for (AttributeDefinition sub : definition.getSubAttributes()) {
      object.fields().forEachRemaining(field -> {
        if (field.getKey().equalsIgnoreCase(sub.getName())) {
          coerced.set(field.getKey(), coerce(field.getValue(), sub));
        }
      });
    }
    return coerced;
  }
}
