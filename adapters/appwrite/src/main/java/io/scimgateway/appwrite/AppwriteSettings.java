package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.BackendSettings;
import io.scimgateway.kit.local.LocalStateLocation;
import io.scimgateway.kit.PlatformClientSettings;
import io.scimgateway.spi.CatalogValue;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Appwrite backend's settings, from the {@code backend:} section of the configuration.
 *
 * @param client how to reach the project's API (endpoint ending in {@code /v1}, project and key headers)
 * @param pageSize the most users or teams asked for in one list call (Appwrite's own limit is unclear;
 *     100 is safe on every version)
 * @param memberRoles the team roles a SCIM group member is given
 * @param localState where what Appwrite cannot hold is kept (a SQLite file, or a shared server)
 * @param entitlements the labels SCIM clients may assign as entitlements; empty allows any valid label
 * @param roles the values SCIM clients may assign as roles; empty allows any
 */
record AppwriteSettings(PlatformClientSettings client, int pageSize, List<String> memberRoles,
    LocalStateLocation localState, List<CatalogValue> entitlements, List<CatalogValue> roles) {

  static final String API_KEY_VARIABLE = "APPWRITE_API_KEY";

  static AppwriteSettings from(ObjectNode section, Path dataDirectory) {
    return from(BackendSettings.of(section), dataDirectory);
  }

  static AppwriteSettings from(BackendSettings settings, Path dataDirectory) {
    URI endpoint = settings.uri("endpoint");
    String project = settings.required("projectId");
    String key = settings.secret("apiKeyEnv", "apiKeyFile", API_KEY_VARIABLE);
    PlatformClientSettings client = settings.client("Appwrite",
        "backend.apiKeyEnv or backend.apiKeyFile (the API key needs the users.read, users.write, teams.read and teams.write "
            + "scopes) and backend.projectId",
        endpoint, Map.of("X-Appwrite-Project", project, "X-Appwrite-Key", key,
            "X-Appwrite-Response-Format", "1.6.0"));
    return new AppwriteSettings(client, settings.positive("pageSize", 100, 5000),
        settings.strings("memberRoles", List.of("member")),
        settings.localState(dataDirectory, "appwrite-local-state.db"),
        settings.catalog("entitlements"), settings.catalog("roles"));
  }
}
