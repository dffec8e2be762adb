package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.FilterType;
import java.util.List;
import java.util.Set;

/**
 * A SCIM attribute Appwrite filters on: the Appwrite attribute, the SCIM operators whose Appwrite
 * method gives exactly the SCIM result, those whose result holds the SCIM result and more (the
 * gateway filters again), and how a SCIM comparison value becomes Appwrite's values. Exact operators
 * are listed only where every document has the attribute, so that a negated query
 * ({@code notEqual}, {@code lessThanEqual}) selects exactly the documents SCIM's {@code not} does.
 * {@code orIds}, where given, adds documents by id (from local state) to what the comparison selects.
 */
record PushableAttribute(String appwriteName, Set<FilterType> exact, Set<FilterType> superset,
    Values values, Values orIds) {

  PushableAttribute(String appwriteName, Set<FilterType> exact, Values values) {
    this(appwriteName, exact, Set.of(), values, null);
  }

  PushableAttribute(String appwriteName, Set<FilterType> exact, Set<FilterType> superset,
      Values values) {
    this(appwriteName, exact, superset, values, null);
  }

  boolean pushes(FilterType operator) {
    return exact.contains(operator) || superset.contains(operator);
  }

  /** Turns a SCIM comparison value into Appwrite values; an empty list matches no document. */
  @FunctionalInterface
  interface Values {
    List<JsonNode> of(FilterType operator, JsonNode scimValue) throws ScimException;
  }
}
