package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a mapped column goes in a User: {@code title}, {@code name.givenName}, a value of a typed
 * multi-valued attribute ({@code emails[type eq "work"].value}), or any of these under an extension
 * URN ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}). The text is also
 * the PATCH path (RFC 7644 section 3.5.2), so a change is written exactly where it was read.
 *
 * @param urn the extension schema URN, or null for the core schema
 * @param valueType for {@code attr[type eq "x"].sub}, the {@code type} that selects the value
 */
record AttributePath(String text, String urn, String attribute, String valueType,
    String subAttribute) {

  private static final Pattern SHAPE = Pattern.compile(
      "([A-Za-z][\\w$-]*)(?:\\[type eq \"([^\"]+)\"])?(?:\\.([A-Za-z][\\w$-]*))?");

  /** @throws IllegalArgumentException naming the accepted shapes */
  static AttributePath parse(String text) {
    String urn = null;
    String rest = text;
    if (text.regionMatches(true, 0, "urn:", 0, 4)) {
      int colon = text.lastIndexOf(':');
      urn = text.substring(0, colon);
      rest = text.substring(colon + 1);
    }
    Matcher matcher = SHAPE.matcher(rest);
    if (!matcher.matches() || (matcher.group(2) != null && matcher.group(3) == null)) {
      throw new IllegalArgumentException("\"" + text + "\" is not an attribute path sync can write: "
          + "use attribute, attribute.subAttribute, attribute[type eq \"work\"].subAttribute, or one of "
          + "these after an extension URN and a colon.");
    }
    return new AttributePath(text, urn, matcher.group(1), matcher.group(2), matcher.group(3));
  }

  /** The value at this path in a resource's attributes, or null when it has none. */
  JsonNode read(ObjectNode resource) {
    JsonNode container = urn == null ? resource : field(resource, urn);
    JsonNode node = field(container, attribute);
    if (valueType != null) {
      node = typedValue(node);
    }
    return subAttribute == null ? present(node) : present(field(node, subAttribute));
  }

  /** Sets the value in a resource being built (a create), next to values already set there. */
  void write(ObjectNode resource, JsonNode value) {
    ObjectNode container = urn == null ? resource : objectAt(resource, urn);
    if (valueType == null) {
      (subAttribute == null ? container : objectAt(container, attribute))
          .set(subAttribute == null ? attribute : subAttribute, value);
      return;
    }
    ArrayNode values = container.has(attribute) ? (ArrayNode) container.get(attribute)
        : container.putArray(attribute);
    ObjectNode typed = (ObjectNode) typedValue(values);
    if (typed == null) {
      typed = values.addObject().put("type", valueType);
    }
    typed.set(subAttribute, value);
  }

  /** The path of the whole typed value's attribute, for a PATCH that adds the value. */
  String multiValuedPath() {
    return urn == null ? attribute : urn + ":" + attribute;
  }

  /** Whether a resource has the typed value this path selects (for {@code replace} versus {@code add}). */
  boolean hasTypedValue(ObjectNode resource) {
    JsonNode container = urn == null ? resource : field(resource, urn);
    return typedValue(field(container, attribute)) != null;
  }

  private JsonNode typedValue(JsonNode values) {
    if (values == null || !values.isArray()) {
      return null;
    }
    for (JsonNode value : values) {
      if (valueType.equalsIgnoreCase(value.path("type").asText())) {
        return value;
      }
    }
    return null;
  }

  private static ObjectNode objectAt(ObjectNode parent, String name) {
    JsonNode existing = parent.get(name);
    return existing instanceof ObjectNode object ? object : parent.putObject(name);
  }

  /** A field by name without regard to case, as SCIM attribute names are (RFC 7643 section 2.1). */
  static JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode exact = node.get(name);
    if (exact != null) {
      return exact;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static JsonNode present(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node;
  }

  @Override
  public String toString() {
    return text;
  }
}
