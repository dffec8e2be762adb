package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.CatalogValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's ZIdentity entitlements as SCIM values. Service entitlements (the Zscaler services a user
 * may sign in to) are {@code entitlements}: the service's id, its name as display, type
 * {@code service}. Admin entitlements (roles within a scope of a service) are {@code roles}: the
 * role's id, its display name, the service's name as type. ZIdentity assigns both in its portal or
 * through groups; this API only reads them. Thread-safe.
 */
final class ZidentityEntitlements {

  static final String SERVICE_TYPE = "service";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ZidentityApi api;

  ZidentityEntitlements(ZidentityApi api) {
    this.api = api;
  }

  List<CatalogValue> services(String userId) throws ScimException {
    Map<String, CatalogValue> values = new LinkedHashMap<>();
    for (JsonNode service : api.array(ZidentityUserStore.userPath(userId) + "/service-entitlements")) {
      String id = service.path("id").asText("");
      if (!id.isEmpty()) {
        values.putIfAbsent(id, new CatalogValue(id, service.path("serviceName").asText(null),
            SERVICE_TYPE, description(service)));
      }
    }
    return new ArrayList<>(values.values());
  }

  List<CatalogValue> roles(String userId) throws ScimException {
    Map<String, CatalogValue> values = new LinkedHashMap<>();
    for (JsonNode admin : api.array(ZidentityUserStore.userPath(userId) + "/admin-entitlements")) {
      String service = admin.path("service").path("serviceName").asText(null);
      String scope = admin.path("scope").path("displayName").asText(admin.path("scope").path("name").asText(""));
      for (JsonNode role : admin.path("roles")) {
        String id = role.path("id").asText("");
        if (!id.isEmpty()) {
          values.putIfAbsent(id, new CatalogValue(id,
              role.path("displayName").asText(role.path("name").asText(null)), service,
              scope.isEmpty() ? null : "Admin role in the scope " + scope));
        }
      }
    }
    return new ArrayList<>(values.values());
  }

  /** Catalog values as a SCIM multi-valued attribute ({@code value}, {@code display}, {@code type}). */
  static ArrayNode attribute(List<CatalogValue> values) {
    ArrayNode attribute = JSON.arrayNode();
    for (CatalogValue value : values) {
      var element = attribute.addObject().put("value", value.value());
      if (value.display() != null) {
        element.put("display", value.display());
      }
      if (value.type() != null) {
        element.put("type", value.type());
      }
    }
    return attribute;
  }

  private static String description(JsonNode service) {
    String cloud = service.path("cloudName").asText("");
    String org = service.path("orgName").asText("");
    if (cloud.isEmpty() && org.isEmpty()) {
      return null;
    }
    return "Sign-in to " + service.path("serviceName").asText("the service")
        + (cloud.isEmpty() ? "" : " on " + cloud) + (org.isEmpty() ? "" : " for " + org);
  }
}
