package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgateway.kit.PlatformClient;
import io.scimgateway.kit.PlatformErrors;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.kit.remote.RemoteBackend;
import io.scimgateway.spi.EntitlementCatalog;
import io.scimgateway.spi.ListedCatalog;
import java.time.Clock;

/**
 * SCIM Users and Groups on one Appwrite project: Users on its Users API, Groups on Teams, with what
 * Appwrite cannot hold kept in local state. Entitlements are user labels. Thread-safe.
 */
final class AppwriteBackend extends RemoteBackend {

  private static final ObjectMapper JSON = new ObjectMapper();

  AppwriteBackend(AppwriteSettings settings) {
    super(LocalState.open(settings.localState()), settings.client());
    PlatformClient client = new PlatformClient(settings.client(),
        new PlatformErrors(settings.client(), PlatformErrors.fromJsonBody(AppwriteBackend::reason)));
    AppwriteApi api = new AppwriteApi(client, JSON);
    Clock clock = Clock.systemUTC();
    AppwriteTeamStore teams = new AppwriteTeamStore(api, local, settings.memberRoles(),
        settings.pageSize(), clock);
    serve(AppwriteUserStore.RESOURCE_TYPE, new AppwriteUserStore(api, local, teams,
        settings.pageSize(), clock));
    serve(AppwriteTeamStore.RESOURCE_TYPE, teams);
    offer(EntitlementCatalog.class, new ListedCatalog(settings.entitlements(), settings.roles()));
    repairInterruptedWrites();
  }

  /** Appwrite's explanation from an error body {@code {message, code, type, version}}. */
  private static String reason(JsonNode body) {
    String message = body.path("message").asText("");
    String type = body.path("type").asText("");
    return type.isEmpty() ? message : message + " (" + type + ")";
  }
}
