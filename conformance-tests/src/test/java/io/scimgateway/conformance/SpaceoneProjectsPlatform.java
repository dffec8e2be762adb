package io.scimgateway.conformance;

import io.scimgateway.emulator.spaceone.SpaceoneEmulator;
import io.scimgateway.emulator.spaceone.SpaceoneSettings;
import java.io.IOException;
import java.nio.file.Path;

/**
 * SpaceONE with v1 projects as SCIM Groups ({@code backend.groups: projects}) rather than v2 user
 * groups: the projects of one project group, members bound with the emulator's PROJECT role.
 */
public final class SpaceoneProjectsPlatform extends EmulatedPlatform {

  static final String PROJECT_GROUP = "pg-conformance";
  static final String PROJECT_ROLE = "role-project-member";

  public SpaceoneProjectsPlatform() {
    super("spaceone-projects", SpaceonePlatform.CAPABILITIES);
  }

  @Override
  protected Started start(Path data) throws IOException {
    SpaceoneEmulator emulator = new SpaceoneEmulator(SpaceoneSettings.of("domain-conformance")).start();
    emulator.addRole(PROJECT_ROLE, "Project Member", "PROJECT");
    return new Started(SpaceonePlatform.section(emulator, data).put("groups", "projects")
        .put("projectGroupId", PROJECT_GROUP).put("projectRoleId", PROJECT_ROLE), emulator);
  }
}
