package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgateway.kit.ClientCredentialsTokens;
import io.scimgateway.kit.PlatformClient;
import io.scimgateway.kit.PlatformErrors;
import io.scimgateway.kit.remote.RemoteBackend;
import io.scimgateway.spi.EntitlementCatalog;
import io.scimgateway.kit.local.LocalState;
import java.time.Clock;

/**
 * SCIM Users and Groups on one ZIdentity tenant's admin API, with bearer tokens from its OAuth 2.0
 * token endpoint and what ZIdentity cannot hold kept in local state. Entitlements and roles are
 * ZIdentity's service and admin entitlements, read-only. Thread-safe.
 */
final class ZidentityBackend extends RemoteBackend {

  private static final ObjectMapper JSON = new ObjectMapper();

  ZidentityBackend(ZidentitySettings settings) {
    super(LocalState.open(settings.localState()), settings.api());
    Clock clock = Clock.systemUTC();
    PlatformClient tokenClient = new PlatformClient(settings.tokenEndpoint(),
        new PlatformErrors(settings.tokenEndpoint(), PlatformErrors.fromJsonBody(ZidentityBackend::reason)));
    ClientCredentialsTokens tokens = new ClientCredentialsTokens(tokenClient, settings.clientId(),
        settings.clientSecret(), settings.audience().isEmpty() ? null : settings.audience(),
        settings.tokenRefreshMargin(), clock);
    PlatformClient client = new PlatformClient(settings.api(),
        new PlatformErrors(settings.api(), PlatformErrors.fromJsonBody(ZidentityBackend::reason)), tokens);
    ZidentityApi api = new ZidentityApi(client, JSON, settings.pageSize());
    ZidentityEntitlements entitlements = new ZidentityEntitlements(api);
    offer(EntitlementCatalog.class,
        new ZidentityCatalog(api, entitlements, settings.catalogScanUsers(), clock));
    ZidentityGroupStore groups = new ZidentityGroupStore(api, local, settings.pageSize(), clock);
    serve(ZidentityUserStore.RESOURCE_TYPE, new ZidentityUserStore(api, local, groups, entitlements,
        settings.pageSize(), clock));
    serve(ZidentityGroupStore.RESOURCE_TYPE, groups);
    repairInterruptedWrites();
  }

  /**
   * ZIdentity's explanation from an error body, whose schema is undocumented: {@code message},
   * {@code reason} or {@code errorDetails}, after {@code code}, {@code id} or {@code errorCode}; an
   * OAuth error's {@code error_description}.
   */
  private static String reason(JsonNode body) {
    String code = first(body, "code", "errorCode", "error");
    String message = first(body, "message", "reason", "errorDetails", "error_description");
    return code.isEmpty() || message.isEmpty() ? code + message : message + " (" + code + ")";
  }

  private static String first(JsonNode body, String... names) {
    for (String name : names) {
      if (body.path(name).isTextual()) {
        return body.path(name).asText();
      }
    }
    return "";
  }
}
