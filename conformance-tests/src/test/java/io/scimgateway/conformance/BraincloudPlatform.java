package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.braincloud.BcEmulator;
import io.scimgateway.emulator.braincloud.BcSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * brainCloud's S2S User service, through a fresh emulator per gateway. Users are Universal: their
 * passwords can be set after creation (the suite's PUTs carry one), their login ids (userName) cannot
 * change; resets are brainCloud's own emails, and it has no entitlement or role catalog: entitlements
 * are kept as written, in local state.
 */
public final class BraincloudPlatform extends EmulatedPlatform {

  public BraincloudPlatform() {
    super("braincloud", EnumSet.of(Capability.WRITABLE_ENTITLEMENTS));
  }

  @Override
  protected Started start(Path data) throws IOException {
    BcEmulator emulator = new BcEmulator(BcSettings.of("10000", "conformance", "conformance-secret")).start();
    return new Started(section(emulator, data), emulator);
  }

  /**
   * The {@code backend:} section for a gateway over a brainCloud emulator, its server secret in a file
   * in {@code data}, with quick retries, and a group owner profile made in the emulator.
   */
  static ObjectNode section(BcEmulator emulator, Path data) throws IOException {
    return section("braincloud", emulator.dispatcherUri(), data, "serverSecretFile",
        emulator.settings().serverSecret(), 5, 200)
        .put("appId", emulator.settings().appId()).put("serverName", emulator.settings().serverName())
        .put("identityType", "Universal")
        .put("groupOwnerProfileId", emulator.createUser("scim-owner@example.com", "SCIM groups"));
  }
}
