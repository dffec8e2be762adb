package io.scimgateway.gateway.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.common.utils.SchemaUtils;
import com.unboundid.scim2.server.utils.ScimResourceTrimmer;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK's trimmer for {@code attributes} and {@code excludedAttributes}, with its answers kept:
 * whether a field is returned depends on its path alone, so the SDK decides each path it meets once
 * and the rest of a page is walked against those answers, without making and hashing a {@link Path}
 * for every field of every resource. Gives what {@link ScimResourceTrimmer#trimObjectNode} gives,
 * walked the same way (values of arrays under their array's path, emptied objects and arrays left
 * out). Thread-safe.
 */
final class RememberingTrimmer {

  private static final JsonNodeFactory NODES = JsonUtils.getJsonNodeFactory();

  private final ScimResourceTrimmer trimmer;
  private final Field root = new Field(Path.root(), true);

  RememberingTrimmer(ScimResourceTrimmer trimmer) {
    this.trimmer = trimmer;
  }

  /** A field met at a path: whether it is returned, and the fields met below it, by their key. */
  private static final class Field {
    final Path path;
    final boolean returned;
    final Map<String, Field> below = new ConcurrentHashMap<>();

    Field(Path path, boolean returned) {
      this.path = path;
      this.returned = returned;
    }
  }

  ObjectNode trim(ObjectNode resource) {
    return trimObject(resource, root);
  }

  private ObjectNode trimObject(ObjectNode object, Field parent) {
    ObjectNode trimmed = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = fields.next();
      Field field = parent.below.get(entry.getKey());
      if (field == null) {
        field = parent.below.computeIfAbsent(entry.getKey(), key -> decide(parent.path, key));
      }
      if (!field.returned) {
        continue;
      }
      JsonNode value = entry.getValue();
      JsonNode kept = value.isArray() ? trimArray((ArrayNode) value, field)
          : value.isObject() ? trimObject((ObjectNode) value, field) : value;
      if (!kept.isContainerNode() || !kept.isEmpty()) {
        trimmed.set(entry.getKey(), kept);
      }
    }
    return trimmed;
  }

  private ArrayNode trimArray(ArrayNode array, Field field) {
    ArrayNode trimmed = NODES.arrayNode();
    for (JsonNode value : array) {
      JsonNode kept = value.isArray() ? trimArray((ArrayNode) value, field)
          : value.isObject() ? trimObject((ObjectNode) value, field) : value;
      if (!kept.isContainerNode() || !kept.isEmpty()) {
        trimmed.add(kept);
      }
    }
    return trimmed;
  }

  /** The SDK's decision, on the path it would make (a top-level extension URN is a root). */
  private Field decide(Path parent, String key) {
    Path path = parent.isRoot() && parent.getSchemaUrn() == null && SchemaUtils.isUrn(key)
        ? Path.root(key) : parent.attribute(key);
    return new Field(path, path.isRoot() || trimmer.shouldReturn(path));
  }
}
