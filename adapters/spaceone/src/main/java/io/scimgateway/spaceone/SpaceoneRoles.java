package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.CatalogValue;
import io.scimgateway.spi.EntitlementCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SCIM {@code roles} as a user's domain role bindings (bindings without a project), read in one
 * call for a page of users, and {@code /Roles} as the domain's roles. Roles are read-only: SpaceONE
 * grants them in its console, and changing them through SCIM is {@code 400 mutability}. SpaceONE
 * has no entitlements; those a client writes are kept in local state. Thread-safe.
 */
final class SpaceoneRoles implements EntitlementCatalog {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final SpaceoneApi api;
  private final String prefix;

  SpaceoneRoles(SpaceoneApi api, String prefix) {
    this.api = api;
    this.prefix = prefix;
  }

  /** The domain roles each of these users holds, by user id, as SCIM {@code roles}: one call. */
  Map<String, ArrayNode> rolesOf(Collection<String> userIds) throws ScimException {
    Map<String, ArrayNode> roles = new LinkedHashMap<>();
    if (userIds.isEmpty()) {
      return roles;
    }
    ObjectNode body = api.body().put("resource_type", "identity.User");
    ObjectNode query = body.putObject("query");
    ArrayNode ids = query.putArray("filter").addObject().put("k", "resource_id").put("o", "in").putArray("v");
    userIds.forEach(ids::add);
    for (JsonNode binding : api.call(prefix + "/role-binding/list", body, true).path("results")) {
      if (!binding.path("project_id").asText("").isEmpty()) {
        continue; // a project's binding: access to that project, not a domain role
      }
      ObjectNode role = JSON.objectNode().put("value", binding.path("role_id").asText());
      String name = binding.path("role_info").path("name").asText("");
      if (!name.isEmpty()) {
        role.put("display", name);
      }
      role.put("type", binding.path("role_type").asText(binding.path("role_info").path("role_type").asText()));
      roles.computeIfAbsent(binding.path("resource_id").asText(), id -> JSON.arrayNode()).add(role);
    }
    return roles;
  }

  @Override
  public List<CatalogValue> entitlements() {
    return List.of();
  }

  @Override
  public List<CatalogValue> roles() throws ScimException {
    List<CatalogValue> roles = new ArrayList<>();
    for (JsonNode role : api.call(prefix + "/role/list", api.body(), true).path("results")) {
      roles.add(new CatalogValue(role.path("role_id").asText(), role.path("name").asText(null),
          role.path("role_type").asText(null), null));
    }
    return roles;
  }

  @Override
  public boolean entitlementsWritable() {
    return true;
  }

  @Override
  public boolean rolesWritable() {
    return false;
  }
}
