package io.scimgateway.gateway.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import io.scimgateway.gateway.core.query.ListQuery;
import io.scimgateway.gateway.core.query.ListQueryParser;
import io.scimgateway.gateway.core.query.ListResult;
import io.scimgateway.gateway.core.query.Projection;
import io.scimgateway.gateway.core.write.ETags;
import io.scimgateway.gateway.core.write.PatchRequestReader;
import io.scimgateway.gateway.core.write.Preconditions;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.StoredResource;
import java.net.URI;
import java.util.List;

/**
 * What the http layer asks of the core: one method per request, taking what the client sent as it
 * came (parameters as text, bodies as JSON, header values) and giving back what the response
 * carries, rendered against the request's base URI. Parsing, checks, the store call and projection
 * all happen here, so that an endpoint only translates HTTP to a call and the answer back.
 * Thread-safe.
 */
public final class ResourceRequests {

  private final ResourceServices services;
  private final CrossTypeSearch searchAll;

  public ResourceRequests(ResourceServices services, GatewayLimits limits) {
    this.services = services;
    this.searchAll = new CrossTypeSearch(services, limits);
  }

  /** {@code GET /Users} and {@code POST /Users/.search}. */
  public ListAnswer list(ResourceService service, ListQueryParser.Parameters parameters,
      Returning returning, URI base) throws ScimException {
    Projection projection = returning.projection(service.resourceType());
    ListQuery query = service.queryParser().parse(parameters).returning(projection.listed());
    ListResult result = service.search(query);
    List<ObjectNode> resources = result.resources().stream()
        .map(resource -> render(service, resource, projection, base)).toList();
    return new ListAnswer(result, resources, Integer.valueOf(0).equals(query.count()));
  }

  /** {@code POST /.search}: every resource type served, paged by index. */
  public ListAnswer searchAll(ListQueryParser.Parameters parameters, Returning returning, URI base)
      throws ScimException {
    return searchAll.search(parameters, returning, base);
  }

  /** {@code GET /Users/{id}}, answered "not modified" when {@code ifNoneMatch} names its version. */
  public ResourceAnswer get(ResourceService service, String id, Returning returning,
      String ifNoneMatch, URI base) throws ScimException {
    Projection projection = returning.projection(service.resourceType());
    StoredResource resource = service.get(id, projection.returned());
    if (new Preconditions(null, ifNoneMatch).notModified(resource)) {
      return new ResourceAnswer(resource.id(), ETags.of(resource), null);
    }
    return answer(service, resource, projection, base);
  }

  // A write reads its attributes parameters first: a malformed one is refused before anything changes.

  public ResourceAnswer create(ResourceService service, Requester by, ObjectNode body,
      Returning returning, URI base) throws ScimException {
    Projection projection = returning.projection(service.resourceType());
    return answer(service, service.create(by, body), projection, base);
  }

  public ResourceAnswer replace(ResourceService service, Requester by, String id, ObjectNode body,
      Returning returning, String ifMatch, URI base) throws ScimException {
    Projection projection = returning.projection(service.resourceType());
    StoredResource replaced = service.replace(by, id, body, new Preconditions(ifMatch, null));
    return answer(service, replaced, projection, base);
  }

  public ResourceAnswer patch(ResourceService service, Requester by, String id, ObjectNode body,
      Returning returning, String ifMatch, URI base) throws ScimException {
    Projection projection = returning.projection(service.resourceType());
    PatchRequest patch = PatchRequestReader.read(body, services.compatibility());
    StoredResource patched = service.patch(by, id, patch, new Preconditions(ifMatch, null),
        projection.returned());
    return answer(service, patched, projection, base);
  }

  /** {@code PATCH} answered without a body: returns the new ETag, reading back nothing more. */
  public String patchForVersion(ResourceService service, Requester by, String id, ObjectNode body,
      String ifMatch) throws ScimException {
    PatchRequest patch = PatchRequestReader.read(body, services.compatibility());
    return ETags.of(service.patch(by, id, patch, new Preconditions(ifMatch, null),
        NeededAttributes.ID_AND_VERSION));
  }

  public void delete(ResourceService service, Requester by, String id, String ifMatch)
      throws ScimException {
    service.delete(by, id, new Preconditions(ifMatch, null));
  }


  private static ResourceAnswer answer(ResourceService service, StoredResource resource,
      Projection projection, URI base) {
    return new ResourceAnswer(resource.id(), ETags.of(resource),
        render(service, resource, projection, base));
  }

  static ObjectNode render(ResourceService service, StoredResource resource, Projection projection,
      URI base) {
    return projection.apply(service.representation().render(resource, base));
  }
}
