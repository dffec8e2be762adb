package io.scimgateway.gateway.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.ComparisonFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.common.utils.StaticUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaAwareFilterEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The SDK's schema-aware evaluator, for the part of a filter the gateway evaluates itself, with two
 * corrections so that a filter selects the same resources whichever side evaluates it:
 * <ul>
 *   <li>The SDK compares references without regard to case even where the schema says {@code
 *       caseExact} (as it does for {@code profileUrl}); here a case-exact reference compares as a
 *       case-exact string.
 *   <li>The SDK tries to read both sides of every text comparison as dates, whatever the schema
 *       says, so {@code "2024-01-01T00:00:00Z"} equalled {@code "2024-01-01T00:00:00.000Z"} in a
 *       string attribute, and every comparison of ordinary text threw and caught two exceptions
 *       with their stack traces (the most expensive step of a residual {@code userName eq}). Here
 *       an attribute the schema types as string or reference compares as text only; dateTime and
 *       attributes the schema does not know keep the SDK's comparison.
 * </ul>
 */
final class ResidualFilterEvaluator extends SchemaAwareFilterEvaluator {

  private static final Path VALUE = Path.root().attribute("value");

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

  @Override
  public Boolean visit(EqualFilter filter, JsonNode object) throws ScimException {
    Boolean text = anyText(filter, object, order -> order == 0);
    return text != null ? text : super.visit(filter, object);
  }

  @Override
  public Boolean visit(NotEqualFilter filter, JsonNode object) throws ScimException {
    Boolean equal = anyText(filter, object, order -> order == 0);
    return equal != null ? !equal : super.visit(filter, object);
  }

  @Override
  public Boolean visit(GreaterThanFilter filter, JsonNode object) throws ScimException {
    Boolean text = anyText(filter, object, order -> order > 0);
    return text != null ? text : super.visit(filter, object);
  }

  @Override
  public Boolean visit(GreaterThanOrEqualFilter filter, JsonNode object) throws ScimException {
    Boolean text = anyText(filter, object, order -> order >= 0);
    return text != null ? text : super.visit(filter, object);
  }

  @Override
  public Boolean visit(LessThanFilter filter, JsonNode object) throws ScimException {
    Boolean text = anyText(filter, object, order -> order < 0);
    return text != null ? text : super.visit(filter, object);
  }

  @Override
  public Boolean visit(LessThanOrEqualFilter filter, JsonNode object) throws ScimException {
    Boolean text = anyText(filter, object, order -> order <= 0);
    return text != null ? text : super.visit(filter, object);
  }

  /**
   * Whether any value at the filter's path, compared as text with the filter's value, satisfies
   * {@code accepts}; {@code null} where the comparison is not one of text (no schema type, a type
   * other than string or reference, a value or a stored value that is not text), which the SDK then
   * evaluates as before.
   */
  private Boolean anyText(ComparisonFilter filter, JsonNode object, IntPredicate accepts)
      throws ScimException {
    JsonNode wanted = filter.getComparisonValue();
    if (wanted == null || !wanted.isTextual()) {
      return null;
    }
    AttributeDefinition definition = getAttributeDefinition(filter.getAttributePath());
    if (definition == null || (definition.getType() != AttributeDefinition.Type.STRING
        && definition.getType() != AttributeDefinition.Type.REFERENCE)) {
      return null;
    }
    List<JsonNode> candidates = candidates(filter.getAttributePath(), object);
    for (JsonNode candidate : candidates) {
      if (!candidate.isTextual()) {
        return null;
      }
    }
    boolean caseExact = definition.isCaseExact();
    String target = caseExact ? wanted.textValue() : StaticUtils.toLowerCase(wanted.textValue());
    for (JsonNode candidate : candidates) {
      String value = caseExact ? candidate.textValue()
          : StaticUtils.toLowerCase(candidate.textValue());
      if (accepts.test(value.compareTo(target))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The values a comparison looks at, as the SDK's evaluator finds them: the elements of an array,
   * the values at the path of an object (arrays among them flattened), or a value itself where the
   * path is {@code value} inside a complex-value filter.
   */
  private static List<JsonNode> candidates(Path path, JsonNode object) throws ScimException {
    List<JsonNode> values = new ArrayList<>();
    if (object.isArray()) {
      object.forEach(values::add);
    } else if (object.isObject()) {
      for (JsonNode found : JsonUtils.findMatchingPaths(path, (ObjectNode) object)) {
        if (found.isArray()) {
          found.forEach(values::add);
        } else {
          values.add(found);
        }
      }
    } else if (object.isValueNode() && path.equals(VALUE)) {
      values.add(object);
    }
    return values;
  }
}
