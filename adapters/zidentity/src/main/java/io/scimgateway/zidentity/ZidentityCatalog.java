package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.CatalogValue;
import io.scimgateway.spi.EntitlementCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The /Entitlements and /Roles catalogs of a ZIdentity tenant. ZIdentity lists entitlements only per
 * user, so the catalog is what the first {@code scanUsers} users hold, gathered at most once a
 * minute; values nobody holds yet are not in it. Both are read-only to SCIM clients: ZIdentity
 * assigns them in its portal. Thread-safe.
 */
final class ZidentityCatalog implements EntitlementCatalog {

  private static final Duration KEPT_FOR = Duration.ofMinutes(1);

  private final ZidentityApi api;
  private final ZidentityEntitlements entitlements;
  private final int scanUsers;
  private final Clock clock;
  private Gathered gathered;

  private record Gathered(List<CatalogValue> services, List<CatalogValue> roles, Instant at) {
  }

  ZidentityCatalog(ZidentityApi api, ZidentityEntitlements entitlements, int scanUsers, Clock clock) {
    this.api = api;
    this.entitlements = entitlements;
    this.scanUsers = scanUsers;
    this.clock = clock;
  }

  @Override
  public List<CatalogValue> entitlements() throws ScimException {
    return gathered().services();
  }

  @Override
  public List<CatalogValue> roles() throws ScimException {
    return gathered().roles();
  }

  @Override
  public boolean entitlementsWritable() {
    return false;
  }

  @Override
  public boolean rolesWritable() {
    return false;
  }

  private synchronized Gathered gathered() throws ScimException {
    if (gathered != null && clock.instant().isBefore(gathered.at().plus(KEPT_FOR))) {
      return gathered;
    }
    Map<String, CatalogValue> services = new LinkedHashMap<>();
    Map<String, CatalogValue> roles = new LinkedHashMap<>();
    for (ObjectNode user : api.page("/users", List.of(), 0, scanUsers).records()) {
      String id = user.path("id").asText();
      entitlements.services(id).forEach(value -> services.putIfAbsent(value.value(), value));
      entitlements.roles(id).forEach(value -> roles.putIfAbsent(value.value(), value));
    }
    gathered = new Gathered(new ArrayList<>(services.values()), new ArrayList<>(roles.values()),
        clock.instant());
    return gathered;
  }
}
