package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.braincloud.BcEmulator;
import io.scimgateway.emulator.braincloud.BcSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A gateway over its own brainCloud emulator; the backend section can be adjusted (identity type,
 * heartbeat). Calls are the messages, as "service/OPERATION"; several travel in one packet (one HTTP
 * request to the dispatcher), which are counted too.
 */
final class BrainCloudGateway extends EmulatedGateway<BcEmulator> {

  private BrainCloudGateway(BcEmulator emulator, Path data, UnaryOperator<ObjectNode> backend)
      throws IOException {
    super(emulator, data, BraincloudPlatform::section, backend, BcEmulator::operations);
  }

  static BrainCloudGateway start(Path data, UnaryOperator<ObjectNode> backend) throws IOException {
    return new BrainCloudGateway(new BcEmulator(BcSettings.of("10000", "gateway", "emulator-secret")).start(),
        data, backend);
  }

  /** How many packets (HTTP requests to the dispatcher) {@code scimCall} causes. */
  int packetsOf(Runnable scimCall) {
    int before = emulator.packets();
    scimCall.run();
    return emulator.packets() - before;
  }

  /** The messages {@code scimCall} causes. */
  List<String> operationsOf(Runnable scimCall) {
    return callsOf(scimCall);
  }
}
