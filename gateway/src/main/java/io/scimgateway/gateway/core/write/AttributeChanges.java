package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The attributes a change touched, for the audit trail: a JSON array of
 * {@code {"attribute", "old", "new"}} ({@code old} absent for an attribute added, {@code new} for
 * one removed), one entry per top-level attribute (an extension's attributes each by their URN
 * path) whose value differs. A group's {@code members} are listed as the values {@code added} and
 * {@code removed}, so that a change to a large group stays small. {@code password} is named
 * without values: neither a password nor its hash is ever recorded. Stateless.
 */
final class AttributeChanges {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> NOT_RECORDED = Set.of("id", "meta", "schemas", "groups");

  private AttributeChanges() {
  }

  /** What differs from {@code before} to {@code after}; either may be null (a create, a delete). */
  static ArrayNode between(ObjectNode before, ObjectNode after) {
    ArrayNode changes = JSON.arrayNode();
    Map<String, JsonNode> old = Flattened.of(before);
    Map<String, JsonNode> now = Flattened.of(after);
    Set<String> names = new LinkedHashSet<>(old.keySet());
    names.addAll(now.keySet());
    for (String name : names) {
      JsonNode was = old.get(name);
      JsonNode is = now.get(name);
      if (NOT_RECORDED.contains(name) || (was != null && was.equals(is))) {
        continue;
      }
      if (name.equals("password")) {
        changes.add(named(name));
      } else if (name.equals("members")) {
        changes.add(members(Members.values(was), Members.values(is)));
      } else {
        ObjectNode change = named(name);
        if (was != null) {
          change.set("old", was);
        }
        if (is != null) {
          change.set("new", is);
        }
        changes.add(change);
      }
    }
    return changes;
  }

  /** Members added and removed, as a {@code GroupMembership} change names them. */
  static ObjectNode members(Collection<String> before, Collection<String> after) {
    Set<String> added = new LinkedHashSet<>(after);
    added.removeAll(before);
    Set<String> removed = new LinkedHashSet<>(before);
    removed.removeAll(after);
    return memberChange(added, removed);
  }

  static ObjectNode memberChange(Collection<String> added, Collection<String> removed) {
    ObjectNode change = named("members");
    ArrayNode addedValues = change.putArray("added");
    added.forEach(addedValues::add);
    ArrayNode removedValues = change.putArray("removed");
    removed.forEach(removedValues::add);
    return change;
  }

  static ObjectNode named(String attribute) {
    return JSON.objectNode().put("attribute", attribute);
  }

  /** Top-level attributes by name, an extension's attributes by {@code urn:...:name}. */
  private static final class Flattened {
    static Map<String, JsonNode> of(ObjectNode resource) {
      Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
      if (resource == null) {
        return values;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getKey().startsWith("urn:") && field.getValue().isObject()) {
          field.getValue().fields().forEachRemaining(inner ->
              values.put(field.getKey() + ":" + inner.getKey(), inner.getValue()));
        } else if (!field.getValue().isNull()) {
          values.put(field.getKey(), field.getValue());
        }
      }
      return values;
    }
  }

  /** The member ids of a {@code members} value. */
  private static final class Members {
    static Set<String> values(JsonNode members) {
      Set<String> values = new LinkedHashSet<>();
      if (members != null) {
        members.forEach(member -> {
          if (member.hasNonNull("value")) {
            values.add(member.get("value").asText());
          }
        });
      }
      return values;
    }
  }
}
