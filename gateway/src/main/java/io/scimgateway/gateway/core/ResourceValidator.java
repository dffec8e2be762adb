package io.scimgateway.gateway.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaChecker;

/**
 * Checks request bodies against the resource type's schemas with the SDK's {@link SchemaChecker}:
 * required attributes, types, canonical values, undefined attributes, and mutability. Read-only
 * attributes in a request are ignored, as RFC 7643 section 2.2 asks ("readOnly ... SHALL be ignored"
 * on POST and PUT). Thread-safe: the checker holds no state between calls.
 */
final class ResourceValidator {

  private final SchemaChecker checker;
  private final String coreSchema;

  ResourceValidator(ResourceTypeDefinition resourceType) {
    this.checker = new SchemaChecker(resourceType);
    this.coreSchema = resourceType.getCoreSchema().getId();
  }

  /** The attributes to store for a POST body. */
  ObjectNode forCreate(ObjectNode body) throws ScimException {
    requireCoreSchema(body);
    ObjectNode prepared = checker.removeReadOnlyAttributes(body);
    checker.checkCreate(prepared).throwSchemaExceptions();
    return prepared;
  }

  /** The attributes to store for a PUT body, refusing changes to immutable attributes. */
  ObjectNode forReplace(ObjectNode body, ObjectNode current) throws ScimException {
    requireCoreSchema(body);
    ObjectNode prepared = checker.removeReadOnlyAttributes(body);
    checker.checkReplace(prepared, checker.removeReadOnlyAttributes(current)).throwSchemaExceptions();
    return prepared;
  }

  /** The attributes to store after applying a PATCH request; all operations apply or none do. */
  ObjectNode forPatch(PatchRequest patch, ObjectNode current) throws ScimException {
    ObjectNode writable = checker.removeReadOnlyAttributes(current);
    checker.checkModify(patch.getOperations(), writable).throwSchemaExceptions();
    GenericScimResource patched = new GenericScimResource(writable.deepCopy());
    patch.apply(patched);
    return checker.removeReadOnlyAttributes(patched.getObjectNode());
  }

  /** RFC 7643 section 3: every resource names its core schema in {@code schemas}. */
  private void requireCoreSchema(ObjectNode body) throws BadRequestException {
    JsonNode schemas = body.get("schemas");
    if (schemas == null || !schemas.isArray()) {
      throw BadRequestException.invalidSyntax("The request body needs a \"schemas\" array naming "
          + coreSchema + ".");
    }
    for (JsonNode schema : schemas) {
      if (schema.isTextual() && schema.textValue().equalsIgnoreCase(coreSchema)) {
        return;
      }
    }
    throw BadRequestException.invalidSyntax("\"schemas\" must include " + coreSchema + ".");
  }
}
