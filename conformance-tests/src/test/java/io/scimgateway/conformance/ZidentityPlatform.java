package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.zidentity.ZidEmulator;
import io.scimgateway.emulator.zidentity.ZidSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * Zscaler ZIdentity, through a fresh emulator per gateway. ZIdentity sends its own reset emails (no
 * token reaches the gateway), sets "must change" only with a new password, and assigns entitlements
 * and roles itself (read-only through SCIM).
 */
public final class ZidentityPlatform extends EmulatedPlatform {

  public ZidentityPlatform() {
    super("zidentity", EnumSet.of(Capability.USERNAME_CHANGES, Capability.CATALOGS));
  }

  @Override
  protected Started start(Path data) throws IOException {
    ZidEmulator emulator = new ZidEmulator(ZidSettings.of("conformance", "conformance-secret")).start();
    return new Started(section(emulator, data), emulator);
  }

  /**
   * The {@code backend:} section for a gateway over a ZIdentity emulator, its client secret in a file in
   * {@code data}, with quick retries; waits for the emulator's rate limit (its window is a second) are
   * not cut short, so that bursts of the suite wait rather than fail.
   */
  static ObjectNode section(ZidEmulator emulator, Path data) throws IOException {
    return section("zidentity", emulator.baseUri(), data, "clientSecretFile",
        emulator.settings().clientSecret(), 5, 1000)
        .put("tokenEndpoint", emulator.tokenUri().toString()).put("clientId", emulator.settings().clientId());
  }
}
