package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.FilterType;

/**
 * What brainCloud's group pages evaluate of a SCIM Group filter, exactly: {@code id eq} ({@code groupId}) and text
 * comparisons of {@code displayName} ({@code name}, which brainCloud holds). Thread-safe.
 */
final class GroupCriteria extends MongoCriteria {

  @Override
  public Support support(Path attribute, FilterType operator) {
    String key = key(attribute);
    if (key.equals("id") && operator == FilterType.EQUAL) {
      return Support.EXACT;
    }
    return key.equals("displayname") && TEXT.contains(operator) ? Support.EXACT : Support.NONE;
  }

  @Override
  protected ObjectNode comparison(String attribute, FilterType operator, String value) {
    return attribute.equals("id") ? JSON.objectNode().put("groupId", value) : text("name", operator, value);
  }
}
