package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import io.scimgateway.spi.GroupMembership;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A PATCH that only adds and removes group members, as identity providers send them: {@code add} of
 * {@code members} with a list of values, and {@code remove} of {@code members[value eq "..."]} (or an
 * {@code or} of such). Such a request can go to a store's {@link GroupMembership}
 * without reading and rewriting the whole member list.
 *
 * @param add ids to add, in order
 * @param remove ids to remove, in order
 */
public record MemberChanges(Set<String> add, Set<String> remove) {

  public static Optional<MemberChanges> of(PatchRequest patch) {
    Set<String> add = new LinkedHashSet<>();
    Set<String> remove = new LinkedHashSet<>();
    if (patch.getOperations().isEmpty()) {
      return Optional.empty();
    }
    for (PatchOperation operation : patch.getOperations()) {
      Path path = operation.getPath();
      boolean onMembers = path != null && path.size() == 1 && path.getSchemaUrn() == null
          && path.getElement(0).getAttribute().equalsIgnoreCase("members");
      if (!onMembers) {
        return Optional.empty();
      }
      Filter filter = path.getElement(0).getValueFilter();
      if (operation.getOpType() == PatchOpType.ADD && filter == null
          && values(operation.getJsonNode(), add)) {
        continue;
      }
      if (operation.getOpType() == PatchOpType.REMOVE && filter != null && ids(filter, remove)) {
        continue;
      }
      return Optional.empty();
    }
    return Optional.of(new MemberChanges(add, remove));
  }

  /** {@code [{"value": "id", ...}, ...]}: every element names a member by id. */
  private static boolean values(JsonNode value, Set<String> into) {
    if (value == null || !value.isArray() || value.isEmpty()) {
      return false;
    }
    for (JsonNode member : value) {
      if (!member.path("value").isTextual()) {
        return false;
      }
      into.add(member.get("value").textValue());
    }
    return true;
  }

  /** {@code value eq "a"} or {@code value eq "a" or value eq "b"}. */
  private static boolean ids(Filter filter, Set<String> into) {
    if (filter.getFilterType() == FilterType.OR) {
      return filter.getCombinedFilters().stream().allMatch(each -> ids(each, into));
    }
    boolean byValue = filter.getFilterType() == FilterType.EQUAL
        && filter.getAttributePath().size() == 1
        && filter.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase("value")
        && filter.getComparisonValue() != null && filter.getComparisonValue().isTextual();
    if (byValue) {
      into.add(filter.getComparisonValue().textValue());
    }
    return byValue;
  }
}
