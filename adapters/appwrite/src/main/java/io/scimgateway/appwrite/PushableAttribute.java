package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.FilterType;
import java.util.List;
import java.util.Set;

/**
 * A SCIM attribute Appwrite filters on exactly: the Appwrite attribute, the SCIM operators whose
 * Appwrite method gives the SCIM result, and how a SCIM comparison value becomes Appwrite's values.
 * Only attributes every document has are listed, so that a negated query ({@code notEqual},
 * {@code lessThanEqual}) selects exactly the documents SCIM's {@code not} does.
 */
record PushableAttribute(String appwriteName, Set<FilterType> operators, Values values) {

  /** Turns a SCIM comparison value into Appwrite values; an empty list matches no document. */
  @FunctionalInterface
  interface Values {
    List<JsonNode> of(FilterType operator, JsonNode scimValue) throws ScimException;
  }
}
