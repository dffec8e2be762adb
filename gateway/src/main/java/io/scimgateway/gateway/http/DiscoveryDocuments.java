package io.scimgateway.gateway.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.gateway.core.ResourceServices;
import io.scimgateway.gateway.core.catalog.CatalogKind;
import io.scimgateway.schemas.SchemaRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents of RFC 7644 section 4, derived from the schema registry and from what the
 * backend serves, never from hand-written lists: a schema is listed when a served resource type uses
 * it, and capabilities shape both (see {@link AdvertisedSchemas}). {@code /Roles} and
 * {@code /Entitlements} are resource types where the backend has their catalog. Immutable and
 * thread-safe.
 */
final class DiscoveryDocuments {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String AUDIT_EVENT = "AuditEvent";

  private final SchemaRegistry registry;
  private final ResourceServices services;
  private final GatewayLimits limits;
  private final AdvertisedSchemas advertised;

  DiscoveryDocuments(SchemaRegistry registry, ResourceServices services, GatewayLimits limits) {
    this.registry = registry;
    this.services = services;
    this.limits = limits;
    this.advertised = new AdvertisedSchemas(services.userPasswordFeatures(), services.catalog(),
        services.userAttributeMutability());
  }

  /** The served resource types as RFC 7643 section 6 documents, by id. */
  Map<String, ObjectNode> resourceTypes(URI baseUri) {
    Map<String, ObjectNode> types = new LinkedHashMap<>();
    for (ResourceTypeDefinition type : servedTypes()) {
      String id = type.getName();
      types.put(id, withMeta(advertised.resourceType(registry.resourceTypeJson(id)), "ResourceType",
          baseUri, "ResourceTypes/" + id));
    }
    return types;
  }

  /** The schemas the served resource types use, as RFC 7643 section 7 documents, by URN. */
  Map<String, ObjectNode> schemas(URI baseUri) {
    Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    for (SchemaResource schema : servedSchemas()) {
      ObjectNode node = advertised.schema(JsonUtils.valueToNode(schema));
      schemas.put(schema.getId(), withMeta(node, "Schema", baseUri, "Schemas/" + schema.getId()));
    }
    return schemas;
  }

  /** RFC 7643 section 5: what this gateway supports, from its configuration and its backend. */
  ObjectNode serviceProviderConfig(URI baseUri) {
    ObjectNode config = JSON.objectNode();
    config.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    config.putObject("patch").put("supported", true);
    config.putObject("bulk").put("supported", true)
        .put("maxOperations", limits.bulkMaxOperations())
        .put("maxPayloadSize", limits.bulkMaxPayloadBytes());
    config.putObject("filter").put("supported", true).put("maxResults", limits.maxResults());
    config.putObject("changePassword").put("supported", userSchemaHasPassword()
        && !services.userPasswordFeatures().isEmpty());
    config.putObject("sort").put("supported", true);
    // RFC 9865 section 4: both ways of paging; cursors by store position where the backend has them.
    config.putObject("pagination")
        .put("cursor", true)
        .put("index", true)
        .put("defaultPaginationMethod", "index")
        .put("defaultPageSize", limits.maxResults())
        .put("maxPageSize", limits.maxResults())
        .put("cursorTimeout", limits.cursorTimeoutSeconds());
    config.putObject("etag").put("supported", true);
    rolesAndEntitlements(config.putObject("RolesAndEntitlements"));
    ArrayNode schemes = config.putArray("authenticationSchemes");
    schemes.addObject()
        .put("type", "oauthbearertoken")
        .put("name", "OAuth Bearer Token")
        .put("description", "A static token or a JWT from the configured issuer, in the header "
            + "Authorization: Bearer <token>.")
        .put("specUri", "https://www.rfc-editor.org/info/rfc6750")
        .put("primary", true);
    return withMeta(config, "ServiceProviderConfig", baseUri, "ServiceProviderConfig");
  }

  /** draft-ietf-scim-roles-entitlements-01: which of its endpoints this gateway serves. */
  private void rolesAndEntitlements(ObjectNode node) {
    List<CatalogKind> served = services.catalogs().served();
    for (CatalogKind kind : CatalogKind.values()) {
      ObjectNode list = node.putObject(kind.attribute()).put("supported", served.contains(kind));
      if (served.contains(kind)) {
        list.put(kind == CatalogKind.ROLES ? "multipleRolesSupported"
                : "multipleEntitlementsSupported", true)
            .put("primarySupported", true)
            .put("typeSupported", true);
      }
    }
  }

  /** The resource types of the backend's stores, then those of its catalog, then its audit trail. */
  private List<ResourceTypeDefinition> servedTypes() {
    List<ResourceTypeDefinition> types = new ArrayList<>();
    services.all().forEach(service -> types.add(service.resourceType()));
    for (CatalogKind kind : services.catalogs().served()) {
      registry.resourceType(kind.resourceTypeId()).ifPresent(types::add);
    }
    if (services.auditTrail().isPresent()) {
      registry.resourceType(AUDIT_EVENT).ifPresent(types::add);
    }
    return types;
  }

  private List<SchemaResource> servedSchemas() {
    List<SchemaResource> schemas = new ArrayList<>();
    for (ResourceTypeDefinition type : servedTypes()) {
      addOnce(schemas, type.getCoreSchema());
      type.getSchemaExtensions().keySet().stream()
          .filter(extension -> advertised.offers(extension.getId()))
          .forEach(extension -> addOnce(schemas, extension));
    }
    return schemas;
  }

  private boolean userSchemaHasPassword() {
    return services.byEndpoint("Users")
        .map(s -> s.resourceType().getCoreSchema().getAttributes().stream()
            .anyMatch(attribute -> attribute.getName().equals("password")))
        .orElse(false);
  }

  private static void addOnce(List<SchemaResource> schemas, SchemaResource schema) {
    if (schemas.stream().noneMatch(s -> s.getId().equals(schema.getId()))) {
      schemas.add(schema);
    }
  }

  private static ObjectNode withMeta(ObjectNode node, String resourceType, URI baseUri, String path) {
    String base = baseUri.toString().endsWith("/") ? baseUri.toString() : baseUri + "/";
    node.remove("meta");
    node.putObject("meta").put("resourceType", resourceType).put("location", base + path);
    return node;
  }
}
