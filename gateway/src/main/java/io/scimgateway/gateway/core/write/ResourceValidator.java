package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.ServerErrorException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaChecker;
import io.scimgateway.gateway.core.ClientCompatibility;
import io.scimgateway.gateway.core.UserNames;
import io.scimgateway.gateway.core.ValueLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks request bodies against the resource type's schemas with the SDK's {@link SchemaChecker}:
 * required attributes, types, canonical values, undefined attributes, and mutability. Read-only
 * attributes in a request are ignored, as RFC 7643 section 2.2 asks ("readOnly ... SHALL be ignored"
 * on POST and PUT). Thread-safe: the checker holds no state between calls.
 */
public final class ResourceValidator {

  private final SchemaChecker checker;
  private final String coreSchema;
  private final Set<String> listsOfImmutableValues;
  private final CanonicalNames names;
  private final LenientPatch lenient;
  private final ClientCompatibility compatibility;
  private final Set<String> knownSchemas;
  private final PrimaryValues primaries;
  private final AttributeBounds bounds;

  public ResourceValidator(ResourceTypeDefinition resourceType, ClientCompatibility compatibility,
      ValueLimits limits) {
    this.bounds = new AttributeBounds(resourceType, limits);
    this.compatibility = compatibility;
    this.primaries = new PrimaryValues(resourceType);
    this.knownSchemas = new HashSet<>();
    knownSchemas.add(resourceType.getCoreSchema().getId().toLowerCase(Locale.ROOT));
    resourceType.getSchemaExtensions().keySet()
        .forEach(e -> knownSchemas.add(e.getId().toLowerCase(Locale.ROOT)));
    this.lenient = new LenientPatch(resourceType, compatibility);
    this.checker = new SchemaChecker(resourceType);
    this.coreSchema = resourceType.getCoreSchema().getId();
    this.listsOfImmutableValues = listsOfImmutableValues(resourceType);
    this.names = new CanonicalNames(resourceType);
  }

  /** The attributes to store for a POST body. */
  public ObjectNode forCreate(ObjectNode sent) throws ScimException {
    ObjectNode body = withCoreSchema(sent);
    ObjectNode prepared = checker.removeReadOnlyAttributes(knownSchemasOnly(body));
    checker.checkCreate(prepared).throwSchemaExceptions();
    return asStored(prepared);
  }

  /**
   * The attributes to store for a PUT body, refusing changes to immutable attributes. A replacement
   * is a whole resource, so it is also checked as one (required attributes present): the SDK's
   * replace check treats it as partial and skips that.
   */
  public ObjectNode forReplace(ObjectNode sent, ObjectNode current) throws ScimException {
    ObjectNode body = withCoreSchema(sent);
    ObjectNode prepared = checker.removeReadOnlyAttributes(knownSchemasOnly(body));
    checker.checkCreate(prepared).throwSchemaExceptions();
    checker.checkReplace(withoutListsOfImmutableValues(prepared),
        withoutListsOfImmutableValues(current)).throwSchemaExceptions();
    return asStored(prepared);
  }

  /** The attributes to store after applying a PATCH request; all operations apply or none do. */
  public ObjectNode forPatch(PatchRequest patch, String id, ObjectNode stored) throws ScimException {
    ObjectNode current = inSdkNodes(stored);
    ObjectNode writable = checker.removeReadOnlyAttributes(current);
    List<PatchOperation> operations = lenient.adapt(withoutCoreUrn(patch.getOperations()), id,
        current);
    List<PatchOperation> checkable = new ArrayList<>();
    for (PatchOperation operation : operations) {
      withoutListsOfImmutableValues(operation).ifPresent(checkable::add);
    }
    checker.checkModify(checkable, withoutListsOfImmutableValues(current)).throwSchemaExceptions();
    GenericScimResource patched = new GenericScimResource(writable.deepCopy());
    new PatchRequest(operations).apply(patched);
    ObjectNode result = checker.removeReadOnlyAttributes(patched.getObjectNode());
    // The operations left out above are checked here, in the resource they produce.
    checker.checkCreate(result).throwSchemaExceptions();
    ObjectNode canonical = UserNames.normalize(names.apply(result));
    primaries.moveToNew(names.apply(writable), canonical);
    bounds.check(canonical);
    return canonical;
  }

  /**
   * Paths that name a core attribute by its schema's URN ({@code urn:...:core:2.0:User:displayName})
   * as the plain name, which is where the attribute lives (RFC 7644 section 3.10).
   */
  private List<PatchOperation> withoutCoreUrn(List<PatchOperation> operations)
      throws ScimException {
    List<PatchOperation> plain = new ArrayList<>();
    for (PatchOperation operation : operations) {
      Path path = operation.getPath();
      if (path == null || path.size() == 0 || path.getSchemaUrn() == null
          || !path.getSchemaUrn().equalsIgnoreCase(coreSchema)) {
        plain.add(operation);
        continue;
      }
      Path withoutUrn = Path.root();
      for (int i = 0; i < path.size(); i++) {
        Path.Element element = path.getElement(i);
        withoutUrn = withoutUrn.attribute(element.getAttribute(), element.getValueFilter());
      }
      plain.add(PatchOperation.create(operation.getOpType(), withoutUrn, operation.getJsonNode()));
    }
    return plain;
  }

  /**
   * The resource in the SDK's own JSON nodes. The SDK's PATCH recognises a value already in a list
   * only among nodes its own mapper made; a store that read its JSON with a plain mapper would
   * otherwise get duplicates from an "add" of a value it holds.
   */
  private static ObjectNode inSdkNodes(ObjectNode resource) throws ScimException {
    try {
      return (ObjectNode) JsonUtils.getObjectReader().readTree(resource.toString());
    } catch (IOException e) {
      throw new ServerErrorException("A stored resource is not valid JSON: " + e.getMessage());
    }
  }

  /** The stored resource as {@link #forPatch} spells a result: only what a client may write. */
  public ObjectNode writable(ObjectNode current) {
    return names.apply(checker.removeReadOnlyAttributes(current));
  }

  /*
   * In a writable list whose values have immutable sub-attributes (a group's members: each member's
   * value is immutable), replacing, adding and removing values is allowed; a value is just never
   * edited in place. The SDK's mutability check refuses any such list in a PUT or PATCH, so those
   * lists are left out of it and checked in the resulting resource instead.
   */
  private ObjectNode withoutListsOfImmutableValues(ObjectNode resource) {
    ObjectNode copy = checker.removeReadOnlyAttributes(resource);
    listsOfImmutableValues.forEach(copy::remove);
    return copy;
  }

  private Optional<PatchOperation> withoutListsOfImmutableValues(PatchOperation operation) {
    Path path = operation.getPath();
    if (path != null) {
      String root = path.size() == 0 ? "" : path.getElement(0).getAttribute();
      boolean listed = path.getSchemaUrn() == null || path.getSchemaUrn().equals(coreSchema);
      return listed && listsOfImmutableValues.stream().anyMatch(root::equalsIgnoreCase)
          ? Optional.empty()
          : Optional.of(operation);
    }
    if (!(operation.getJsonNode() instanceof ObjectNode value)) {
      return Optional.of(operation);
    }
    ObjectNode stripped = value.deepCopy();
    listsOfImmutableValues.forEach(stripped::remove);
    if (stripped.isEmpty()) {
      return Optional.empty();
    }
    return operation.getOpType() == PatchOpType.ADD
        ? Optional.of(PatchOperation.add(stripped))
        : Optional.of(PatchOperation.replace(stripped));
  }

  private static Set<String> listsOfImmutableValues(ResourceTypeDefinition resourceType) {
    Set<String> names = new HashSet<>();
    for (AttributeDefinition attribute : resourceType.getCoreSchema().getAttributes()) {
      if (attribute.isMultiValued()
          && attribute.getMutability() == AttributeDefinition.Mutability.READ_WRITE
          && attribute.getSubAttributes() != null
          && attribute.getSubAttributes().stream()
              .anyMatch(sub -> sub.getMutability() == AttributeDefinition.Mutability.IMMUTABLE)) {
        names.add(attribute.getName());
      }
    }
    return names;
  }

  /** A checked POST or PUT body as it is stored: names as the schema spells them, one primary. */
  private ObjectNode asStored(ObjectNode checked) throws BadRequestException {
    ObjectNode canonical = UserNames.normalize(names.apply(checked));
    primaries.requireAtMostOne(canonical);
    bounds.check(canonical);
    return canonical;
  }

  /**
   * Drops URIs from {@code schemas} that name no schema of this resource type (Entra lists Microsoft's
   * own), with any attributes sent under them, when {@code compatibility.unknownSchemaUris} allows.
   */
  private ObjectNode knownSchemasOnly(ObjectNode body) {
    if (!compatibility.unknownSchemaUris() || !(body.get("schemas") instanceof ArrayNode schemas)) {
      return body;
    }
    boolean allKnown = true;
    for (JsonNode schema : schemas) {
      allKnown &= !unknown(schema);
    }
    if (allKnown) {
      return body; // as nearly every body is: no copy
    }
    ObjectNode copy = body.deepCopy();
    ArrayNode known = copy.putArray("schemas");
    for (JsonNode schema : schemas) {
      if (unknown(schema)) {
        copy.remove(schema.textValue());
      } else {
        known.add(schema);
      }
    }
    return copy;
  }

  private boolean unknown(JsonNode schema) {
    return schema.isTextual() && !knownSchemas.contains(schema.textValue().toLowerCase(Locale.ROOT));
  }

  /**
   * The body without null values (RFC 7643 section 2.5: null is unassigned), naming its core schema
   * in {@code schemas} as RFC 7643 section 3 asks. A body without {@code schemas} gets the core schema
   * and the extensions whose URNs it uses when {@code compatibility.schemalessBodies} allows.
   */
  private ObjectNode withCoreSchema(ObjectNode sent) throws BadRequestException {
    ObjectNode body = (ObjectNode) NullValues.without(sent);
    JsonNode schemas = body.get("schemas");
    if (schemas == null && compatibility.schemalessBodies()) {
      ArrayNode inferred = body.putArray("schemas").add(coreSchema);
      body.fieldNames().forEachRemaining(name -> {
        if (knownSchemas.contains(name.toLowerCase(Locale.ROOT))
            && !name.equalsIgnoreCase(coreSchema)) {
          inferred.add(name);
        }
      });
      return body;
    }
    if (schemas == null || !schemas.isArray()) {
      throw BadRequestException.invalidSyntax("The request body needs a \"schemas\" array naming "
          + coreSchema + ".");
    }
    for (JsonNode schema : schemas) {
      if (schema.isTextual() && schema.textValue().equalsIgnoreCase(coreSchema)) {
        return body;
      }
    }
    throw BadRequestException.invalidSyntax("\"schemas\" must include " + coreSchema + ", not "
        + "only " + schemas + ".");
  }
}
