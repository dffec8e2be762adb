package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgateway.kit.PlatformClient;
import io.scimgateway.kit.PlatformErrors;
import io.scimgateway.kit.PlatformResponse;
import io.scimgateway.sqlite.LocalState;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.CatalogValue;
import io.scimgateway.spi.EntitlementCatalog;
import io.scimgateway.spi.ResourceStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SCIM Users and Groups on one Appwrite project: Users on its Users API, Groups on Teams, with what
 * Appwrite cannot hold kept in local state. Entitlements are user labels. Thread-safe.
 */
final class AppwriteBackend implements Backend, EntitlementCatalog {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AppwriteSettings settings;
  private final LocalState local;
  private final Map<String, ResourceStore> stores;

  AppwriteBackend(AppwriteSettings settings) {
    this.settings = settings;
    PlatformClient client = new PlatformClient(settings.client(),
        new PlatformErrors(settings.client(), AppwriteBackend::reason));
    AppwriteApi api = new AppwriteApi(client, JSON);
    this.local = LocalState.open(settings.localState());
    Clock clock = Clock.systemUTC();
    this.stores = Map.of(
        AppwriteUserStore.RESOURCE_TYPE, new AppwriteUserStore(api, local, settings.pageSize(), clock),
        AppwriteTeamStore.RESOURCE_TYPE, new AppwriteTeamStore(api, local, settings.memberRoles(),
            settings.pageSize(), clock));
  }

  /** Appwrite's explanation from an error body {@code {message, code, type, version}}. */
  static String reason(PlatformResponse response) {
    try {
      JsonNode body = JSON.readTree(response.body() == null ? "" : response.body());
      String message = body.path("message").asText("");
      String type = body.path("type").asText("");
      return type.isEmpty() ? message : message + " (" + type + ")";
    } catch (Exception e) {
      return "";
    }
  }

  @Override
  public Optional<ResourceStore> store(String resourceTypeId) {
    return Optional.ofNullable(stores.get(resourceTypeId));
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == EntitlementCatalog.class ? Optional.of(type.cast(this)) : Optional.empty();
  }

  @Override
  public List<CatalogValue> entitlements() {
    return settings.entitlements();
  }

  @Override
  public List<CatalogValue> roles() {
    return settings.roles();
  }

  @Override
  public boolean entitlementsWritable() {
    return true;
  }

  @Override
  public boolean rolesWritable() {
    return true;
  }

  @Override
  public void close() {
    local.close();
  }
}
