package io.scimgateway.gateway.core;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaAwareFilterEvaluator;

/**
 * The SDK's schema-aware evaluator for what a backend cannot filter, with case-exact references
 * ({@code profileUrl}) compared case-exactly: the SDK honours {@code caseExact} for strings only,
 * while a backend that filters itself (the embedded store) honours it for references too, and the
 * result must not depend on who evaluates. Thread-safe.
 */
final class ResidualFilterEvaluator extends SchemaAwareFilterEvaluator {

  ResidualFilterEvaluator(ResourceTypeDefinition resourceType) {
    super(resourceType);
  }

  @Override
  protected AttributeDefinition getAttributeDefinition(Path path) {
    AttributeDefinition definition = super.getAttributeDefinition(path);
    if (definition == null || definition.getType() != AttributeDefinition.Type.REFERENCE
        || !definition.isCaseExact()) {
      return definition;
    }
    // The SDK consults the definition only to compare values: as a case-exact string, here.
    return new AttributeDefinition.Builder().setName(definition.getName())
        .setType(AttributeDefinition.Type.STRING).setMultiValued(definition.isMultiValued())
        .setCaseExact(true).build();
  }
}
