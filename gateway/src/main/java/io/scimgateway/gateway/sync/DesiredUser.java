package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * A user as one export row says it should be.
 *
 * @param values every mapped attribute; a null value means the row leaves it empty (so it is removed)
 * @param employeeNumber the mapped enterprise employeeNumber, or null
 * @param managerNumber the manager's employeeNumber, or null for none
 * @param groups the displayNames of the user's groups, or null when the mapping has no groups column
 */
record DesiredUser(long line, String key, Map<AttributePath, JsonNode> values, String employeeNumber,
    String managerNumber, Set<String> groups) {}
