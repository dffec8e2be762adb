package io.scimgateway.conformance.equivalence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The values the generated users actually hold, per attribute path, for picking filter values. */
final class FilterValues {

  private final Map<String, List<String>> strings;
  private final List<String> allStrings;
  private final List<Instant> instants;

  private FilterValues(Map<String, List<String>> strings, List<Instant> instants) {
    this.strings = strings;
    this.allStrings = strings.values().stream().flatMap(List::stream).toList();
    this.instants = instants;
  }

  /** Collects the string values of {@code paths} and every meta timestamp of {@code resources}. */
  static FilterValues of(Collection<ObjectNode> resources, Collection<String> paths) {
    Map<String, List<String>> strings = new HashMap<>();
    TreeSet<Instant> instants = new TreeSet<>();
    for (ObjectNode resource : resources) {
      for (String path : paths) {
        for (JsonNode value : values(resource, path)) {
          if (value.isTextual()) {
            strings.computeIfAbsent(path, key -> new ArrayList<>()).add(value.textValue());
          }
        }
      }
      instants.add(Instant.parse(resource.path("meta").path("created").asText()));
      instants.add(Instant.parse(resource.path("meta").path("lastModified").asText()));
    }
    return new FilterValues(strings, List.copyOf(instants));
  }

  /** The values at {@code path}, multi-valued attributes flattened. */
  private static List<JsonNode> values(ObjectNode resource, String path) {
    List<JsonNode> values = new ArrayList<>();
    try {
      for (JsonNode node : JsonUtils.findMatchingPaths(Path.fromString(path), resource)) {
        if (node.isArray()) {
          node.forEach(values::add);
        } else {
          values.add(node);
        }
      }
    } catch (ScimException e) {
      throw new IllegalStateException("Cannot read " + path, e);
    }
    return values;
  }

  /** The string values held at {@code path}; empty when no user has one. */
  List<String> strings(String path) {
    return strings.getOrDefault(path, List.of());
  }

  /** Every string value of every collected path. */
  List<String> allStrings() {
    return allStrings;
  }

  /** Every distinct created and lastModified time, in order. */
  List<Instant> instants() {
    return instants;
  }
}
