package io.scimgateway.gateway.core.query;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaAwareFilterEvaluator;

/**
 * The SDK's schema-aware evaluator, for the part of a filter the gateway evaluates itself, with one
 * correction: the SDK compares references without regard to case even where the schema says
 * {@code caseExact} (as it does for {@code profileUrl}), while a store that evaluates the same filter
 * honours it. Here a case-exact reference compares as a case-exact string, so a filter selects the
 * same resources whichever side evaluates it.
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
    return new AttributeDefinition.Builder().setName(definition.getName())
        .setType(AttributeDefinition.Type.STRING).setCaseExact(true)
        .setMultiValued(definition.isMultiValued()).build();
  }
}
