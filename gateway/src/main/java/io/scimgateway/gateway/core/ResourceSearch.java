package io.scimgateway.gateway.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaAwareFilterEvaluator;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a list query against a store. When the store evaluates the whole filter, SCIM paging maps 1:1
 * onto the store's offsets. Otherwise the gateway reads the store's candidates page by page, evaluates
 * the residual filter with the SDK's schema-aware evaluator, counts and pages itself, and stops with
 * {@code 400 tooMany} past the scan limit rather than reading without end. Thread-safe.
 */
final class ResourceSearch {

  private static final int SCAN_PAGE = 500;

  private final ResourceStore store;
  private final QueryPlanner planner;
  private final SchemaAwareFilterEvaluator evaluator;
  private final ResourceRepresentation representation;
  private final GatewayLimits limits;

  ResourceSearch(ResourceTypeDefinition resourceType, ResourceStore store, GatewayLimits limits) {
    this.store = store;
    this.planner = new QueryPlanner(store.filterSupport());
    this.evaluator = new SchemaAwareFilterEvaluator(resourceType);
    this.representation = new ResourceRepresentation(resourceType);
    this.limits = limits;
  }

  ListResult search(ListQuery query) throws ScimException {
    int count = query.count() == null ? limits.maxResults() : Math.min(query.count(), limits.maxResults());
    QueryPlan plan = planner.plan(query.filter());
    if (plan.exact()) {
      SearchPage page = store.search(new SearchQuery(plan.pushed(), query.startIndex() - 1, count));
      return new ListResult(page.resources(), page.totalResults(), query.startIndex());
    }
    return scan(plan, query.startIndex() - 1, count);
  }

  private ListResult scan(QueryPlan plan, long skip, int count) throws ScimException {
    List<StoredResource> window = new ArrayList<>();
    long matched = 0;
    long offset = 0;
    while (true) {
      SearchPage page = store.search(new SearchQuery(plan.pushed(), offset, SCAN_PAGE));
      for (StoredResource resource : page.resources()) {
        if (matches(plan.residual(), resource)) {
          if (matched >= skip && window.size() < count) {
            window.add(resource);
          }
          matched++;
        }
      }
      offset += page.resources().size();
      if (page.resources().size() < SCAN_PAGE || offset >= page.totalResults()) {
        return new ListResult(window, matched, skip + 1);
      }
      if (offset >= limits.scanLimit()) {
        throw BadRequestException.tooMany("This filter cannot be evaluated by the backend and would "
            + "need more than " + limits.scanLimit() + " resources read. Narrow it with an \"eq\" on "
            + "userName, externalId or displayName, which the backend evaluates itself.");
      }
    }
  }

  private boolean matches(Filter residual, StoredResource resource) throws ScimException {
    ObjectNode node = representation.forFiltering(resource);
    return residual.visit(evaluator, node);
  }
}
