package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgateway.kit.ClientCredentialsTokens;
import io.scimgateway.kit.PlatformClient;
import io.scimgateway.kit.PlatformErrors;
import io.scimgateway.kit.PlatformResponse;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.EntitlementCatalog;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.sqlite.LocalState;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * SCIM Users and Groups on one ZIdentity tenant's admin API, with bearer tokens from its OAuth 2.0
 * token endpoint and what ZIdentity cannot hold kept in local state. Entitlements and roles are
 * ZIdentity's service and admin entitlements, read-only. Thread-safe.
 */
final class ZidentityBackend implements Backend {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalState local;
  private final Map<String, ResourceStore> stores;
  private final ZidentityCatalog catalog;

  ZidentityBackend(ZidentitySettings settings) {
    Clock clock = Clock.systemUTC();
    PlatformClient tokenClient = new PlatformClient(settings.tokenEndpoint(),
        new PlatformErrors(settings.tokenEndpoint(), ZidentityBackend::reason));
    ClientCredentialsTokens tokens = new ClientCredentialsTokens(tokenClient, settings.clientId(),
        settings.clientSecret(), settings.audience().isEmpty() ? null : settings.audience(),
        settings.tokenRefreshMargin(), clock);
    PlatformClient client = new PlatformClient(settings.api(),
        new PlatformErrors(settings.api(), ZidentityBackend::reason), tokens);
    ZidentityApi api = new ZidentityApi(client, JSON, settings.pageSize());
    this.local = LocalState.open(settings.localState());
    ZidentityEntitlements entitlements = new ZidentityEntitlements(api);
    this.catalog = new ZidentityCatalog(api, entitlements, settings.catalogScanUsers(), clock);
    ZidentityGroupStore groups = new ZidentityGroupStore(api, local, settings.pageSize(), clock);
    this.stores = Map.of(
        ZidentityUserStore.RESOURCE_TYPE, new ZidentityUserStore(api, local, groups, entitlements,
            settings.pageSize(), clock),
        ZidentityGroupStore.RESOURCE_TYPE, groups);
  }

  /**
   * ZIdentity's explanation from an error body, whose schema is undocumented: {@code message},
   * {@code reason} or {@code errorDetails}, after {@code code}, {@code id} or {@code errorCode}; an
   * OAuth error's {@code error_description}.
   */
  static String reason(PlatformResponse response) {
    try {
      JsonNode body = JSON.readTree(response.body() == null ? "" : response.body());
      String code = first(body, "code", "errorCode", "error");
      String message = first(body, "message", "reason", "errorDetails", "error_description");
      return code.isEmpty() || message.isEmpty() ? code + message : message + " (" + code + ")";
    } catch (Exception e) {
      return "";
    }
  }

  private static String first(JsonNode body, String... names) {
    for (String name : names) {
      if (body.path(name).isTextual()) {
        return body.path(name).asText();
      }
    }
    return "";
  }

  @Override
  public Optional<ResourceStore> store(String resourceTypeId) {
    return Optional.ofNullable(stores.get(resourceTypeId));
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == EntitlementCatalog.class ? Optional.of(type.cast(catalog)) : Optional.empty();
  }

  @Override
  public void close() {
    local.close();
  }
}
