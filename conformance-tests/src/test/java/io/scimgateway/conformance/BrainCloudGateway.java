package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.braincloud.BcEmulator;
import io.scimgateway.emulator.braincloud.BcSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A gateway over its own brainCloud emulator, for the adapter's tests: the backend section can be adjusted (identity
 * type, heartbeat), and the packets and messages one SCIM request causes can be counted.
 */
final class BrainCloudGateway implements AutoCloseable {

  final BcEmulator emulator;
  final ScimSession scim;
  private final TestGateway gateway;

  private BrainCloudGateway(BcEmulator emulator, TestGateway gateway) {
    this.emulator = emulator;
    this.gateway = gateway;
    this.scim = ScimSession.of(gateway);
  }

  static BrainCloudGateway start(Path data, UnaryOperator<ObjectNode> backend) throws IOException {
    BcEmulator emulator = new BcEmulator(BcSettings.of("10000", "gateway", "emulator-secret")).start();
    try {
      ObjectNode section = backend.apply(BraincloudPlatform.section(emulator, data));
      return new BrainCloudGateway(emulator, TestGateway.start(TestGateway.config(data, section), TestGateway.TOKEN));
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  /** How many packets (HTTP requests to the dispatcher) {@code scimCall} causes. */
  int packetsOf(Runnable scimCall) {
    int before = emulator.packets();
    scimCall.run();
    return emulator.packets() - before;
  }

  /** The messages {@code scimCall} causes, as "service/OPERATION". */
  List<String> operationsOf(Runnable scimCall) {
    int before = emulator.operations().size();
    scimCall.run();
    List<String> all = emulator.operations();
    return all.subList(before, all.size());
  }

  long count(String operation) {
    return emulator.operations().stream().filter(operation::equals).count();
  }

  @Override
  public void close() {
    try {
      scim.assertNoServerErrors();
    } finally {
      try {
        gateway.close();
      } finally {
        emulator.close();
      }
    }
  }
}
