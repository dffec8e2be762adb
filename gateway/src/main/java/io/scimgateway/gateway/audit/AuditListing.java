package io.scimgateway.gateway.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.gateway.core.query.ListQueryParser;
import io.scimgateway.gateway.core.query.ListResult;
import io.scimgateway.spi.AuditPage;
import io.scimgateway.spi.AuditTrail;
import java.net.URI;
import java.util.List;

/**
 * {@code /AuditEvents} as pages of SCIM resources: filtered (see {@link AuditFilter}), newest
 * first, paged by {@code startIndex} and {@code count} (capped at {@code limits.maxResults}).
 * Thread-safe.
 */
public final class AuditListing {

  private final AuditTrail trail;
  private final int maxResults;

  public AuditListing(AuditTrail trail, int maxResults) {
    this.trail = trail;
    this.maxResults = maxResults;
  }

  /** A page of events and its totals. */
  public record Page(ListResult totals, List<ObjectNode> resources) {
  }

  public Page list(String filter, String startIndex, String count, URI baseUri)
      throws ScimException {
    Long askedStart = ListQueryParser.number("startIndex", startIndex);
    Long askedCount = ListQueryParser.number("count", count);
    long start = askedStart == null ? 1 : Math.max(1, askedStart);
    int limit = askedCount == null ? maxResults
        : (int) Math.max(0, Math.min(maxResults, askedCount));
    AuditPage page = trail.find(AuditFilter.of(filter).query(start - 1, limit));
    return new Page(ListResult.indexedPage(page.total(), start),
        page.events().stream().map(event -> AuditEventResource.render(event, baseUri)).toList());
  }

  public ObjectNode get(String id, URI baseUri) throws ScimException {
    AuditFilter byId = new AuditFilter();
    byId.eventId = id;
    return trail.find(byId.query(0, 1)).events().stream().findFirst()
        .map(event -> AuditEventResource.render(event, baseUri))
        .orElseThrow(() -> new ResourceNotFoundException(
            "No AuditEvent has the id \"" + id + "\"."));
  }
}
