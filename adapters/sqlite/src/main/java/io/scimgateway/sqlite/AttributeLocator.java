package io.scimgateway.sqlite;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.schemas.SchemaRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds where an attribute path of one resource type is stored: indexed columns for the attributes
 * identity providers look up by and for {@code meta} times, the JSON document for everything else.
 * Attributes kept outside the JSON (a group's {@code members}, a user's computed {@code groups}) and
 * {@code meta} values computed on read have no location: the gateway evaluates filters on them.
 *
 * <p>The JSON paths use the schema's spelling of every name, which is how the gateway stores them.
 * Immutable and thread-safe.
 */
final class AttributeLocator {

  /** Top-level attributes held in columns, by lower-case name: column and whether it is folded. */
  private static final Map<String, Map.Entry<String, Boolean>> COLUMNS = Map.of(
      "id", Map.entry("id", false),
      "username", Map.entry("user_name_ci", true),
      "externalid", Map.entry("external_id", false),
      "displayname", Map.entry("display_name_ci", true));

  private static final Map<String, String> META_COLUMNS = Map.of(
      "created", "created", "lastmodified", "last_modified");

  private final ResourceTypeDefinition resourceType;
  private final Set<String> derived;

  AttributeLocator(ResourceTypeDefinition resourceType, Set<String> derived) {
    this.resourceType = resourceType;
    this.derived = derived;
  }

  ResourceTypeDefinition resourceType() {
    return resourceType;
  }

  /** The location of {@code path} (value filters ignored), or empty when it is not stored in the row. */
  Optional<AttributeLocation> locate(Path path) {
    Path normalized = resourceType.normalizePath(path).withoutFilters();
    AttributeDefinition definition = resourceType.getAttributeDefinition(normalized);
    if (definition == null || normalized.size() == 0 || normalized.size() > 2) {
      return Optional.empty();
    }
    String first = normalized.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
    boolean core = normalized.getSchemaUrn() == null;
    if (core && first.equals("meta")) {
      return metaColumn(normalized, definition);
    }
    if (core && normalized.size() == 1 && COLUMNS.containsKey(first)) {
      Map.Entry<String, Boolean> column = COLUMNS.get(first);
      return Optional.of(AttributeLocation.column(definition, column.getKey(), column.getValue()));
    }
    if (core && derived.contains(first)) {
      return Optional.empty();
    }
    return json(normalized, definition);
  }

  private Optional<AttributeLocation> metaColumn(Path path, AttributeDefinition definition) {
    if (path.size() != 2) {
      return Optional.empty();
    }
    String column = META_COLUMNS.get(path.getElement(1).getAttribute().toLowerCase(Locale.ROOT));
    return Optional.ofNullable(column).map(c -> AttributeLocation.column(definition, c, false));
  }

  private Optional<AttributeLocation> json(Path path, AttributeDefinition definition) {
    StringBuilder jsonPath = new StringBuilder("$");
    if (path.getSchemaUrn() != null) {
      jsonPath.append(".\"").append(extensionId(path.getSchemaUrn())).append('"');
    }
    AttributeDefinition top = resourceType.getAttributeDefinition(path.subPath(1));
    jsonPath.append('.').append(quote(top.getName()));
    if (path.size() == 1) {
      return Optional.of(AttributeLocation.json(definition, jsonPath.toString(),
          top.isMultiValued() ? "$" : null));
    }
    String sub = quote(definition.getName());
    if (top.isMultiValued()) {
      return Optional.of(AttributeLocation.json(definition, jsonPath.toString(), "$." + sub));
    }
    return Optional.of(AttributeLocation.json(definition, jsonPath + "." + sub, null));
  }

  /** An extension's URN as its schema spells it; a path may spell it in any case. */
  private String extensionId(String urn) {
    return SchemaRegistry.extension(resourceType, urn).map(SchemaResource::getId).orElse(urn);
  }

  /** Attribute names are ATTRNAME (RFC 7643 section 2.1), but a custom schema may stretch that. */
  private static String quote(String name) {
    return name.matches("[A-Za-z][A-Za-z0-9_$-]*") ? name : "\"" + name.replace("\"", "") + "\"";
  }
}
