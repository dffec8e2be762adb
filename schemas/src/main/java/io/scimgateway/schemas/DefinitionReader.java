package io.scimgateway.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.schemas.SchemaIndexLoader.Document;
import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the JSON files an index lists into the SCIM SDK's types, checking what the SDK's own binding
 * does not: that a definition makes sense, not only that it parses.
 *
 * <p>A file says what it is through its {@code "schemas"} value, exactly as the RFC 7643 representation
 * served at {@code /Schemas} and {@code /ResourceTypes} does. Every problem is an
 * {@link IllegalStateException} whose message starts with the file's URL.
 */
final class DefinitionReader {

  /** The {@code "schemas"} value of a schema definition (RFC 7643 section 7). */
  static final String SCHEMA_URN = "urn:ietf:params:scim:schemas:core:2.0:Schema";

  /** The {@code "schemas"} value of a resource type definition (RFC 7643 section 6). */
  static final String RESOURCE_TYPE_URN = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

  /** What a file defines. */
  enum Kind {
    SCHEMA,
    RESOURCE_TYPE
  }

  private DefinitionReader() {
  }

  /** Whether {@code document} is a schema or a resource type, from its {@code "schemas"} value. */
  static Kind kindOf(Document document) {
    JsonNode schemas = document.json().path("schemas");
    boolean schema = contains(schemas, SCHEMA_URN);
    boolean resourceType = contains(schemas, RESOURCE_TYPE_URN);
    if (schema == resourceType) {
      throw problem(document, "\"schemas\" must list either " + SCHEMA_URN + " or " + RESOURCE_TYPE_URN);
    }
    return schema ? Kind.SCHEMA : Kind.RESOURCE_TYPE;
  }

  private static boolean contains(JsonNode schemas, String urn) {
    for (JsonNode value : schemas) {
      if (urn.equalsIgnoreCase(value.asText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads a schema and checks its attribute tree: names unique on each level, sub-attributes only on
   * complex attributes and only one level deep (RFC 7643 section 2.3.8), and no empty
   * {@code canonicalValues} (the SDK's {@code SchemaChecker} would then refuse every value).
   */
  static SchemaResource toSchema(Document document) {
    SchemaResource schema = bind(document, SchemaResource.class, "schema");
    checkAttributes(document, "", schema.getAttributes());
    return schema;
  }

  /**
   * Reads a resource type and builds its SDK definition, taking its core schema and extensions from
   * {@code schemas} (looked up by URN).
   */
  static ResourceTypeDefinition toResourceType(
      Document document, Function<String, Optional<SchemaResource>> schemas) {
    ResourceTypeResource type = bind(document, ResourceTypeResource.class, "resource type");
    require(document, type.getName(), "name");
    require(document, type.getEndpoint(), "endpoint");
    require(document, type.getSchema(), "schema");
    ResourceTypeDefinition.Builder builder =
        new ResourceTypeDefinition.Builder(type.getName(), type.getEndpoint().toString())
            .setId(type.getId() != null ? type.getId() : type.getName())
            .setDescription(type.getDescription())
            .setCoreSchema(schema(document, type.getSchema(), schemas));
    for (ResourceTypeResource.SchemaExtension extension : extensionsOf(type)) {
      SchemaResource schema = schema(document, extension.getSchema(), schemas);
      if (extension.isRequired()) {
        builder.addRequiredSchemaExtension(schema);
      } else {
        builder.addOptionalSchemaExtension(schema);
      }
    }
    return builder.build();
  }

  private static Collection<ResourceTypeResource.SchemaExtension> extensionsOf(
      ResourceTypeResource type) {
    return type.getSchemaExtensions() != null ? type.getSchemaExtensions() : List.of();
  }

  private static SchemaResource schema(
      Document document, URI urn, Function<String, Optional<SchemaResource>> schemas) {
    return schemas.apply(urn.toString()).orElseThrow(() -> problem(document, "names schema " + urn
        + ", which no file listed in a " + SchemaIndexLoader.INDEX + " defines"));
  }

  private static void require(Document document, Object value, String field) {
    if (value == null) {
      throw problem(document, "\"" + field + "\" is missing");
    }
  }

  private static void checkAttributes(
      Document document, String parent, Collection<AttributeDefinition> attributes) {
    Set<String> names = new HashSet<>();
    for (AttributeDefinition attribute : attributes) {
      String path = parent.isEmpty() ? attribute.getName() : parent + "." + attribute.getName();
      if (!names.add(attribute.getName().toLowerCase(Locale.ROOT))) {
        throw problem(document, "attribute " + path + " is defined twice");
      }
      checkAttribute(document, path, attribute, !parent.isEmpty());
    }
  }

  private static void checkAttribute(
      Document document, String path, AttributeDefinition attribute, boolean isSubAttribute) {
    boolean complex = attribute.getType() == AttributeDefinition.Type.COMPLEX;
    Collection<AttributeDefinition> subAttributes = attribute.getSubAttributes();
    boolean hasSubAttributes = subAttributes != null && !subAttributes.isEmpty();
    if (complex && isSubAttribute) {
      throw problem(document, "sub-attribute " + path + " is complex; sub-attributes must be simple");
    }
    if (complex != hasSubAttributes) {
      throw problem(document, "attribute " + path
          + (complex ? " is complex but has no subAttributes" : " has subAttributes but is not complex"));
    }
    Collection<String> canonicalValues = attribute.getCanonicalValues();
    if (canonicalValues != null && canonicalValues.isEmpty()) {
      throw problem(document, "attribute " + path
          + " has an empty canonicalValues list, which would reject every value; leave it out");
    }
    if (hasSubAttributes) {
      checkAttributes(document, path, subAttributes);
    }
  }

  private static <T> T bind(Document document, Class<T> type, String what) {
    try {
      return JsonUtils.nodeToValue(document.json(), type);
    } catch (JsonProcessingException e) {
      throw problem(document, "not a valid " + what + location(e) + ": " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      throw problem(document, "not a valid " + what + ": " + e.getMessage(), e);
    }
  }

  /** Where in the file binding failed, such as {@code " at attributes[3].subAttributes[1]"}. */
  private static String location(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return "";
    }
    StringBuilder location = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        location.append(location.length() > 0 ? "." : "").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        location.append('[').append(reference.getIndex()).append(']');
      }
    }
    return " at " + location;
  }

  private static IllegalStateException problem(Document document, String message) {
    return new IllegalStateException(document.url() + ": " + message);
  }

  private static IllegalStateException problem(Document document, String message, Exception cause) {
    return new IllegalStateException(document.url() + ": " + message, cause);
  }
}
