package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.BackendSettings;
import io.scimgateway.kit.local.LocalStateLocation;
import io.scimgateway.kit.PlatformClientSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The ZIdentity backend's settings, from the {@code backend:} section of the configuration.
 *
 * @param api how to reach the admin API ({@code endpoint}: the tenant's
 *     {@code https://<vanity>-admin.zslogin.net/admin/api/v1} or the OneAPI gateway's
 *     {@code https://api.zsapi.net/ziam/admin/api/v1})
 * @param tokenEndpoint how to reach the OAuth 2.0 token endpoint
 *     ({@code https://<vanity>.zslogin.net/oauth2/v1/token}); same timeouts and retries
 * @param clientId the API client's id
 * @param clientSecret the API client's secret, from a file or an environment variable
 * @param audience the token request's {@code audience}; empty sends none
 * @param tokenRefreshMargin how long before expiry a token is replaced
 * @param pageSize the most users or groups asked for in one list call (ZIdentity's limit: 1000)
 * @param catalogScanUsers how many users are read to gather the /Entitlements and /Roles catalogs,
 *     which ZIdentity only lists per user
 * @param localState where what ZIdentity cannot hold is kept (a SQLite file, or a shared server)
 */
record ZidentitySettings(PlatformClientSettings api, PlatformClientSettings tokenEndpoint,
    String clientId, String clientSecret, String audience, Duration tokenRefreshMargin, int pageSize,
    int catalogScanUsers, LocalStateLocation localState) {

  static final String CLIENT_SECRET_VARIABLE = "ZIDENTITY_CLIENT_SECRET";
  static final String DEFAULT_AUDIENCE = "https://api.zscaler.com";
  static final int MAX_PAGE_SIZE = 1000;

  static ZidentitySettings from(ObjectNode section, Path dataDirectory) {
    return from(BackendSettings.of(section), dataDirectory);
  }

  static ZidentitySettings from(BackendSettings settings, Path dataDirectory) {
    URI endpoint = settings.uri("endpoint");
    URI tokenEndpoint = settings.uri("tokenEndpoint");
    String clientId = settings.required("clientId");
    String secret = settings.secret("clientSecretEnv", "clientSecretFile", CLIENT_SECRET_VARIABLE);
    String credentials = "backend.clientId and backend.clientSecretEnv or backend.clientSecretFile "
        + "(the API client needs the ZIdentity admin API scopes for users and groups)";
    return new ZidentitySettings(
        settings.client("ZIdentity", credentials, endpoint, Map.of("Accept", "application/json")),
        settings.client("ZIdentity's token endpoint", credentials, tokenEndpoint, Map.of()),
        clientId, secret, settings.text("audience", DEFAULT_AUDIENCE),
        Duration.ofSeconds(settings.positive("tokenRefreshMarginSeconds", 300)),
        settings.positive("pageSize", MAX_PAGE_SIZE, MAX_PAGE_SIZE),
        settings.positive("catalogScanUsers", MAX_PAGE_SIZE, MAX_PAGE_SIZE),
        settings.localState(dataDirectory, "zidentity-local-state.db"));
  }

  /** Without the client secret. */
  @Override
  public String toString() {
    return "ZidentitySettings[api=" + api + ", clientId=" + clientId + ", audience=" + audience
        + ", pageSize=" + pageSize + "]";
  }
}
