package io.scimgateway.gateway.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import io.scimgateway.gateway.core.query.ListQuery;
import io.scimgateway.gateway.core.query.ListQueryParser;
import io.scimgateway.gateway.core.query.ListResult;
import io.scimgateway.gateway.core.query.Projection;
import io.scimgateway.spi.StoredResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /.search}: one search over every resource type served (RFC 7644 section 3.4.3), Users
 * first, then Groups. A filter naming an attribute one type lacks simply matches nothing of that type;
 * it is an error only when no type has it. Index paging spans the types: each type is asked for the
 * part of the page that falls within it. Sorting and cursors, whose order would have to merge types,
 * are left to the per-type searches. Thread-safe.
 */
final class CrossTypeSearch {

  private final ResourceServices services;
  private final GatewayLimits limits;

  CrossTypeSearch(ResourceServices services, GatewayLimits limits) {
    this.services = services;
    this.limits = limits;
  }

  ListAnswer search(ListQueryParser.Parameters parameters, Returning returning, URI base)
      throws ScimException {
    if (parameters.sortBy() != null || parameters.cursor() != null) {
      throw BadRequestException.invalidValue("A search across all resource types pages by "
          + "startIndex only; to sort or use a cursor, search one type: POST /Users/.search or "
          + "POST /Groups/.search.");
    }
    Map<ResourceService, Filter> filters = filtersByType(parameters.filter());
    ListQuery paging = services.all().get(0).queryParser().parse(
        new ListQueryParser.Parameters(null, null, null, parameters.startIndex(), parameters.count(),
            null));
    int count = paging.count() == null ? limits.maxResults() : Math.min(paging.count(), limits.maxResults());
    long skip = paging.startIndex() - 1;
    long total = 0;
    List<ObjectNode> page = new ArrayList<>();
    for (Map.Entry<ResourceService, Filter> entry : filters.entrySet()) {
      ResourceService service = entry.getKey();
      int wanted = count - page.size();
      long from = Math.max(0, skip - total);
      ListResult part = service.search(new ListQuery(entry.getValue(), null, from + 1, wanted, null));
      total += part.totalResults();
      Projection projection = returning.projection(service.resourceType());
      for (StoredResource resource : part.resources()) {
        page.add(ResourceRequests.render(service, resource, projection, base));
      }
    }
    return new ListAnswer(ListResult.indexedPage(total, skip + 1), page,
        Integer.valueOf(0).equals(paging.count()));
  }

  /**
   * The filter as each type understands it: an attribute a type lacks has no value there. A type none
   * of whose attributes the filter names is left out; a filter that names no attribute of any type
   * is the client's mistake.
   */
  private Map<ResourceService, Filter> filtersByType(String text) throws ScimException {
    Filter parsed = ListQueryParser.parseUnchecked(text, limits, services.compatibility());
    Map<ResourceService, Filter> filters = new LinkedHashMap<>();
    for (ResourceService service : services.all()) {
      if (parsed == null) {
        filters.put(service, null);
      } else {
        service.queryParser().forSearchAcrossTypes(parsed).ifPresent(f -> filters.put(service, f));
      }
    }
    if (filters.isEmpty()) {
      throw BadRequestException.invalidFilter("The filter \"" + text + "\" names no attribute of "
          + "any resource type served here.");
    }
    return filters;
  }
}
