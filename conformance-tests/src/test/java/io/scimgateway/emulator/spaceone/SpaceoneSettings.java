package io.scimgateway.emulator.spaceone;

/**
 * How an emulated SpaceONE identity service behaves where the notes leave a choice.
 *
 * @param domainId the domain every user, group and binding belongs to; the API key's {@code did}
 * @param workspaceId the workspace v2 user groups are made in
 * @param errorShape which REST error body to send (console-api's by default)
 * @param resetPasswordType {@code ACCESS_TOKEN} (a link is emailed) or {@code PASSWORD} (a temporary password is
 *     emailed and {@code UPDATE_PASSWORD} required), as the server's {@code RESET_PASSWORD_TYPE}
 * @param externalAuth whether the domain has an external-auth plugin (its {@code find} matches nobody here)
 */
public record SpaceoneSettings(String domainId, String workspaceId, SpaceoneError.Shape errorShape,
    String resetPasswordType, boolean externalAuth) {

  public static final String DEFAULT_DOMAIN = "domain-0123456789ab";

  public static SpaceoneSettings of(String domainId) {
    return new SpaceoneSettings(domainId, "workspace-0123456789ab", SpaceoneError.Shape.CONSOLE_API, "ACCESS_TOKEN",
        false);
  }

  /** The same settings, answering errors in python-core FastAPI's {@code {"detail":{...}}} body. */
  public SpaceoneSettings withFastApiErrors() {
    return new SpaceoneSettings(domainId, workspaceId, SpaceoneError.Shape.FASTAPI, resetPasswordType, externalAuth);
  }

  public SpaceoneSettings withResetPasswordType(String type) {
    return new SpaceoneSettings(domainId, workspaceId, errorShape, type, externalAuth);
  }
}
