package io.scimgateway.gateway.core.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.core.ClientCompatibility;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.gateway.core.ResourceRepresentation;
import io.scimgateway.gateway.core.query.ListQuery;
import io.scimgateway.gateway.core.query.ListQueryParser;
import io.scimgateway.gateway.core.query.ListResult;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.CatalogValue;
import io.scimgateway.spi.EntitlementCatalog;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read-only lists of draft-ietf-scim-roles-entitlements-01, {@code /Entitlements} and
 * {@code /Roles}, from the backend's {@link EntitlementCatalog}. A value's {@code id} is the value
 * itself, and every listed value is {@code supported}. A catalog is short, so filters are evaluated in
 * memory (checked against the Role or Entitlement schema first) and pages cut by {@code startIndex}
 * and {@code count}; {@code sortBy} is ignored and the catalog's order kept. Thread-safe.
 */
public final class CatalogListing {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** One page: its paging numbers, and the values as SCIM resources. */
  public record Page(ListResult totals, List<ObjectNode> resources) {
  }

  private final Optional<EntitlementCatalog> catalog;
  private final GatewayLimits limits;
  private final Map<CatalogKind, ResourceTypeDefinition> types = new EnumMap<>(CatalogKind.class);
  private final Map<CatalogKind, ListQueryParser> parsers = new EnumMap<>(CatalogKind.class);

  public CatalogListing(SchemaRegistry registry, Optional<EntitlementCatalog> catalog,
      GatewayLimits limits, ClientCompatibility compatibility) {
    this.catalog = catalog;
    this.limits = limits;
    for (CatalogKind kind : served()) {
      ResourceTypeDefinition type = registry.resourceType(kind.resourceTypeId()).orElseThrow(() ->
          new IllegalStateException("The schema registry has no resource type " + kind.resourceTypeId()));
      types.put(kind, type);
      parsers.put(kind, new ListQueryParser(type, limits, compatibility));
    }
  }

  /** The lists this backend serves: none without a catalog, and roles only where it keeps them. */
  public List<CatalogKind> served() {
    return catalog.map(c -> Arrays.stream(CatalogKind.values()).filter(kind -> kind.servedBy(c))
        .toList()).orElse(List.of());
  }

  public Page list(CatalogKind kind, ListQueryParser.Parameters parameters, URI baseUri)
      throws ScimException {
    ListQuery query = parser(kind).parse(parameters);
    if (query.cursorPaging()) {
      throw BadRequestException.invalidValue("/" + kind.endpoint() + " pages by startIndex and count "
          + "only; leave out cursor.");
    }
    List<ObjectNode> matching = new ArrayList<>();
    for (CatalogValue value : kind.valuesOf(catalog.orElseThrow())) {
      ObjectNode resource = render(kind, value, baseUri);
      if (query.filter() == null || FilterEvaluator.evaluate(query.filter(), resource)) {
        matching.add(resource);
      }
    }
    int count = Math.min(query.count() == null ? limits.maxResults() : query.count(),
        limits.maxResults());
    int from = (int) Math.min(query.startIndex() - 1, matching.size());
    List<ObjectNode> page = matching.subList(from, Math.min(matching.size(), from + count));
    return new Page(ListResult.indexedPage(matching.size(), query.startIndex()), page);
  }

  public ObjectNode get(CatalogKind kind, String id, URI baseUri) throws ScimException {
    parser(kind);
    for (CatalogValue value : kind.valuesOf(catalog.orElseThrow())) {
      if (value.value().equals(id)) {
        return render(kind, value, baseUri);
      }
    }
    throw new ResourceNotFoundException("This backend has no " + kind.resourceTypeId().toLowerCase()
        + " \"" + id + "\"; GET /" + kind.endpoint() + " lists those it has.");
  }

  private ListQueryParser parser(CatalogKind kind) throws ResourceNotFoundException {
    ListQueryParser parser = parsers.get(kind);
    if (parser == null) {
      throw new ResourceNotFoundException(catalog.isEmpty()
          ? "This backend has no catalog of entitlements and roles, so it serves no /"
              + kind.endpoint() + "."
          : "This backend does not keep " + kind.attribute() + ", so it serves no /"
              + kind.endpoint() + ".");
    }
    return parser;
  }

  private ObjectNode render(CatalogKind kind, CatalogValue value, URI baseUri) {
    ObjectNode resource = JSON.objectNode();
    resource.putArray("schemas").add(types.get(kind).getCoreSchema().getId());
    resource.put("id", value.value()).put("value", value.value());
    putIfPresent(resource, "display", value.display());
    putIfPresent(resource, "type", value.type());
    putIfPresent(resource, "description", value.description());
    resource.put("supported", true);
    resource.putObject("meta").put("resourceType", kind.resourceTypeId())
        .put("location", ResourceRepresentation.location(baseUri, "/" + kind.endpoint(),
            value.value()));
    return resource;
  }

  private static void putIfPresent(ObjectNode resource, String name, String value) {
    if (value != null) {
      resource.put(name, value);
    }
  }
}
