package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.zidentity.ZidEmulator;
import io.scimgateway.emulator.zidentity.ZidSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A gateway over its own ZIdentity emulator; calls are logged as "METHOD /path?query". */
final class ZidentityGateway extends EmulatedGateway<ZidEmulator> {

  private ZidentityGateway(ZidEmulator emulator, Path data, UnaryOperator<ObjectNode> backend)
      throws IOException {
    super(emulator, data, ZidentityPlatform::section, backend, ZidEmulator::received);
  }

  static ZidentityGateway start(Path data, ZidSettings settings, UnaryOperator<ObjectNode> backend)
      throws IOException {
    return new ZidentityGateway(new ZidEmulator(settings).start(), data, backend);
  }

  static ZidentityGateway start(Path data) throws IOException {
    return start(data, ZidSettings.of("gateway", "emulator-secret"), section -> section);
  }
}
