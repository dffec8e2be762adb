package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.BackendSettings;
import io.scimgateway.kit.local.LocalStateLocation;
import io.scimgateway.kit.PlatformClientSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The SpaceONE backend's settings, from the {@code backend:} section of the configuration.
 *
 * @param api how to reach the identity service ({@code endpoint}, scheme and host), with the API key as
 *     {@code Authorization: Bearer}
 * @param prefix the path before {@code /user/<verb>}: {@code /identity/v1} (the API's own HTTP
 *     annotations, the default) or {@code /identity} (console-api)
 * @param userGroupPrefix the path before {@code /user-group/<verb>} ({@code /identity/v2})
 * @param domainId the domain the gateway provisions, sent as {@code domain_id}
 * @param groups what SCIM Groups are: v2 user groups, v1 projects, or nothing ({@code /Groups} not served)
 * @param projectRoleId with projects as groups, the role a member gets in the project
 * @param projectGroupId with projects as groups, the project group whose projects they are, where new ones
 *     are made
 * @param pageSize the most users or groups asked for in one list call
 * @param localState where what SpaceONE cannot hold is kept (a SQLite file, or a shared server)
 */
record SpaceoneSettings(PlatformClientSettings api, String prefix, String userGroupPrefix, String domainId,
    GroupMode groups, String projectRoleId, String projectGroupId, int pageSize, LocalStateLocation localState) {

  static final String API_KEY_VARIABLE = "SPACEONE_API_KEY";
  static final int MAX_PAGE_SIZE = 1000;

  /** What a SCIM Group is on this deployment. */
  enum GroupMode {
    /** v2 {@code user-group}, members added and removed many at a time. */
    USER_GROUPS,
    /** v1 projects; members hold {@code projectRoleId} in the project. */
    PROJECTS,
    /** No groups: {@code /Groups} is not served. */
    NONE
  }

  static SpaceoneSettings from(ObjectNode section, Path dataDirectory) {
    return from(BackendSettings.of(section), dataDirectory);
  }

  static SpaceoneSettings from(BackendSettings settings, Path dataDirectory) {
    URI endpoint = settings.uri("endpoint");
    String apiKey = settings.secret("apiKeyEnv", "apiKeyFile", API_KEY_VARIABLE);
    String credentials = "backend.apiKeyEnv or backend.apiKeyFile (an API key of a domain admin of "
        + "backend.domainId)";
    GroupMode groups = groupMode(settings.text("groups", "userGroups"));
    String projectRoleId = settings.text("projectRoleId", "");
    String projectGroupId = settings.text("projectGroupId", "");
    if (groups == GroupMode.PROJECTS && (projectRoleId.isBlank() || projectGroupId.isBlank())) {
      throw new IllegalArgumentException("backend.projectRoleId and backend.projectGroupId are required with "
          + "backend.groups: projects (the PROJECT role members get, and the project group whose projects "
          + "are the SCIM Groups)");
    }
    return new SpaceoneSettings(
        settings.client("SpaceONE", credentials, endpoint, Map.of("Authorization", "Bearer " + apiKey,
            "Accept", "application/json")),
        path(settings, "prefix", "/identity/v1"), path(settings, "userGroupPrefix", "/identity/v2"),
        settings.required("domainId"), groups, projectRoleId, projectGroupId,
        settings.positive("pageSize", MAX_PAGE_SIZE, MAX_PAGE_SIZE),
        settings.localState(dataDirectory, "spaceone-local-state.db"));
  }

  private static GroupMode groupMode(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "usergroups" -> GroupMode.USER_GROUPS;
      case "projects" -> GroupMode.PROJECTS;
      case "none" -> GroupMode.NONE;
      default -> throw new IllegalArgumentException("backend.groups must be userGroups, projects or none, not '"
          + value + "'");
    };
  }

  /** A path prefix with a leading slash and no trailing one. */
  private static String path(BackendSettings settings, String name, String fallback) {
    String value = settings.text(name, fallback).strip();
    if (!value.matches("(/[A-Za-z0-9._-]+)+")) {
      throw new IllegalArgumentException("backend." + name + " must be a path such as " + fallback + ", not '"
          + value + "'");
    }
    return value;
  }

  /** Without the API key. */
  @Override
  public String toString() {
    return "SpaceoneSettings[api=" + api + ", prefix=" + prefix + ", domainId=" + domainId + ", groups=" + groups
        + ", pageSize=" + pageSize + "]";
  }
}
