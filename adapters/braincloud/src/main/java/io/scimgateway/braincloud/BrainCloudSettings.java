package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.BackendSettings;
import io.scimgateway.kit.local.LocalStateLocation;
import io.scimgateway.kit.PlatformClientSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The brainCloud backend's settings, from the {@code backend:} section of the configuration.
 *
 * @param dispatcher how to reach the S2S dispatcher ({@code endpoint})
 * @param server the app id, server name and server secret (from a file or an environment variable)
 * @param identityType the login identity users are created with: {@code Email} (userName is an email address),
 *     {@code Universal} (any login id) or {@code External} (an external identity's id, with no password)
 * @param externalAuthType the code of the app's external authentication type ({@code External} only)
 * @param deleteChildren whether deleting a user also deletes its child profiles
 * @param pageSize the most users or groups asked for in one page (at most 100)
 * @param countUsers whether user pages ask brainCloud to count the matches ({@code doCount}); off for large apps
 * @param sortByPlayerName whether {@code sortBy=displayName} is brainCloud's {@code playerName} order (with case,
 *     empty names first) rather than the gateway's
 * @param sessions how many S2S sessions are used at once (each sends one packet at a time)
 * @param heartbeat how long a session may be idle before a heartbeat; zero for what brainCloud says
 * @param groups the group type and owner profile of the groups SCIM serves; null serves no /Groups
 * @param notFoundReason the reason code brainCloud answers for an unknown profile (undocumented; 40446)
 * @param localState where what brainCloud cannot hold is kept (a SQLite file, or a shared server)
 */
record BrainCloudSettings(PlatformClientSettings dispatcher, Server server, IdentityType identityType,
    String externalAuthType, boolean deleteChildren, int pageSize, boolean countUsers, boolean sortByPlayerName,
    int sessions, Duration heartbeat, Groups groups, int notFoundReason, LocalStateLocation localState) {

  static final String DEFAULT_ENDPOINT = "https://api.braincloudservers.com/s2sdispatcher";
  static final String SECRET_VARIABLE = "BRAINCLOUD_SERVER_SECRET";
  static final int MAX_PAGE_SIZE = 100;

  /** The server credentials of the portal's Design, Cloud Code, My Servers. */
  record Server(String appId, String serverName, String serverSecret) {
    @Override
    public String toString() {
      return "Server[appId=" + appId + ", serverName=" + serverName + "]";
    }
  }

  /** The brainCloud groups SCIM Groups are: one group type, created with one owner profile. */
  record Groups(String groupType, String ownerProfileId) {
  }

  /** brainCloud's authentication types a user can be created with. */
  enum IdentityType {
    EMAIL("Email"), UNIVERSAL("Universal"), EXTERNAL("External");

    final String authenticationType;

    IdentityType(String authenticationType) {
      this.authenticationType = authenticationType;
    }

    static IdentityType of(String name) {
      for (IdentityType type : values()) {
        if (type.authenticationType.equalsIgnoreCase(name)) {
          return type;
        }
      }
      throw new IllegalArgumentException("backend.identityType must be Email, Universal or External, not " + name);
    }
  }

  static BrainCloudSettings from(ObjectNode section, Path dataDirectory) {
    BackendSettings settings = BackendSettings.of(section);
    URI endpoint = URI.create(settings.text("endpoint", DEFAULT_ENDPOINT));
    if (section.has("endpoint")) {
      endpoint = settings.uri("endpoint");
    }
    Server server = new Server(settings.required("appId"), settings.required("serverName"),
        settings.secret("serverSecretEnv", "serverSecretFile", SECRET_VARIABLE));
    String credentials = "backend.appId, backend.serverName and backend.serverSecretEnv or "
        + "backend.serverSecretFile (brainCloud portal: Design, Cloud Code, My Servers)";
    String owner = settings.text("groupOwnerProfileId", null);
    IdentityType identity = IdentityType.of(settings.text("identityType", "Email"));
    String externalAuthType = identity == IdentityType.EXTERNAL ? settings.text("externalAuthType", null) : null;
    if (identity == IdentityType.EXTERNAL && (externalAuthType == null || externalAuthType.isBlank())) {
      throw new IllegalArgumentException("backend.identityType: External needs backend.externalAuthType, the code "
          + "of the external authentication type configured in the brainCloud app");
    }
    return new BrainCloudSettings(
        settings.client("brainCloud", credentials, endpoint, Map.of("charset", "utf-8")), server,
        identity, externalAuthType, bool(section, "deleteChildren", false),
        settings.positive("pageSize", MAX_PAGE_SIZE, MAX_PAGE_SIZE), bool(section, "countUsers", true),
        bool(section, "sortByPlayerName", false),
        settings.positive("sessions", 4, 64),
        Duration.ofSeconds(settings.atLeastZero("heartbeatSeconds", 0)),
        owner == null ? null : new Groups(settings.text("groupType", "scim"), owner),
        settings.positive("notFoundReasonCode", 40446),
        settings.localState(dataDirectory, "braincloud-local-state.db"));
  }

  private static boolean bool(ObjectNode section, String name, boolean fallback) {
    JsonNode node = section.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw new IllegalArgumentException("backend." + name + " must be true or false, not " + node);
    }
    return node.booleanValue();
  }
}
