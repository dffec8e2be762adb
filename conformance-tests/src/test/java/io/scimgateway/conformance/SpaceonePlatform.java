package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.spaceone.SpaceoneEmulator;
import io.scimgateway.emulator.spaceone.SpaceoneSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * SpaceONE (Cloudforet) identity, through a fresh emulator per gateway. A user's userName is its
 * {@code user_id}, which SpaceONE never renames; resets are SpaceONE's own emails, and roles are the
 * domain's role bindings, listed but read-only through SCIM; entitlements are kept as written.
 */
public final class SpaceonePlatform extends EmulatedPlatform {

  static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.CATALOGS, Capability.WRITABLE_ENTITLEMENTS,
      Capability.MUST_CHANGE_PASSWORD);

  public SpaceonePlatform() {
    super("spaceone", CAPABILITIES);
  }

  @Override
  protected Started start(Path data) throws IOException {
    SpaceoneEmulator emulator = new SpaceoneEmulator(SpaceoneSettings.of("domain-conformance")).start();
    return new Started(section(emulator, data), emulator);
  }

  /**
   * The {@code backend:} section for a gateway over a SpaceONE emulator, its API key in a file in
   * {@code data}, with quick retries.
   */
  static ObjectNode section(SpaceoneEmulator emulator, Path data) throws IOException {
    return section("spaceone", emulator.root(), data, "apiKeyFile", emulator.apiKey(), 3, 50)
        .put("domainId", emulator.settings().domainId());
  }
}
