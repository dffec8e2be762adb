package io.scimgateway.gateway.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.gateway.core.query.ListResult;
import java.util.List;

/**
 * A ListResponse's parts (RFC 7644 section 3.4.2): the totals and paging of {@code result}, the
 * page's resources rendered and projected, and whether the client asked for the total alone
 * ({@code count=0}, so {@code Resources} is left out).
 */
public record ListAnswer(ListResult result, List<ObjectNode> resources, boolean totalOnly) {
}
