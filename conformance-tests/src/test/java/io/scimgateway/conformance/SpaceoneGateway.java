package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.spaceone.SpaceoneEmulator;
import io.scimgateway.emulator.spaceone.SpaceoneSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A gateway over its own SpaceONE emulator, which has a domain admin role; calls are logged as
 * "POST /identity/v1/user/list".
 */
final class SpaceoneGateway extends EmulatedGateway<SpaceoneEmulator> {

  private SpaceoneGateway(SpaceoneEmulator emulator, Path data, UnaryOperator<ObjectNode> backend)
      throws IOException {
    super(emulator, data, SpaceonePlatform::section, backend, SpaceoneEmulator::received);
  }

  static SpaceoneGateway start(Path data, SpaceoneSettings settings, UnaryOperator<ObjectNode> backend)
      throws IOException {
    SpaceoneEmulator emulator = new SpaceoneEmulator(settings).start();
    emulator.addRole("role-domain-admin", "Domain Admin", "DOMAIN");
    return new SpaceoneGateway(emulator, data, backend);
  }

  static SpaceoneGateway start(Path data) throws IOException {
    return start(data, SpaceoneSettings.of("domain-adapter-test"), section -> section);
  }
}
