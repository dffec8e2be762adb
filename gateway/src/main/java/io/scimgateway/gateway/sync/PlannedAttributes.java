package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a plan reads of a directory user: the mapped attributes, {@code active} and the manager's id.
 * A target keeps only these of each user it reads, so a directory of a hundred thousand users is held
 * as small plain nodes rather than whole resources, and planning finds its values at once.
 */
final class PlannedAttributes {

  static final AttributePath MANAGER_ID = AttributePath.parse(SyncMapping.ENTERPRISE + ":manager.value");

  private final List<AttributePath> paths = new ArrayList<>();

  PlannedAttributes(SyncMapping mapping) {
    mapping.attributes().forEach(attribute -> paths.add(attribute.path()));
    paths.add(SyncMapping.ACTIVE);
    if (mapping.manager() != null) {
      paths.add(MANAGER_ID);
    }
  }

  /**
   * The attributes to ask a SCIM server for ({@code attributes=}): each path's top-level attribute,
   * whole, since a typed value is found by its {@code type} beside the mapped sub-attribute.
   */
  Set<String> attributeNames() {
    Set<String> names = new LinkedHashSet<>();
    paths.forEach(path -> names.add(path.multiValuedPath()));
    return names;
  }

  /** {@link #attributeNames()} and {@code groups}, which a run with a previous export reads. */
  Set<String> attributeNamesWithGroups() {
    Set<String> names = attributeNames();
    names.add("groups");
    return names;
  }

  /** {@link #keep}, and the user's {@code groups} as the target returned them. */
  ObjectNode keepWithGroups(ObjectNode user) {
    ObjectNode kept = keep(user);
    JsonNode groups = user.get("groups");
    if (groups != null && groups.isArray()) {
      kept.set("groups", groups);
    }
    return kept;
  }

  /**
   * A new node holding, of {@code user}'s attributes, what each path reads, where it reads it. A typed
   * value that is there without the mapped sub-attribute is kept as a null, so that it is still found
   * there (a change of it is then a {@code replace}).
   */
  ObjectNode keep(ObjectNode user) {
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    for (AttributePath path : paths) {
      JsonNode value = path.read(user);
      if (value != null) {
        path.write(kept, value);
      } else if (path.valueType() != null && path.hasTypedValue(user)) {
        path.write(kept, NullNode.getInstance());
      }
    }
    return kept;
  }
}
