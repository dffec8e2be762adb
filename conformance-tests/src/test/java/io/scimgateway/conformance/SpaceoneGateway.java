package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.spaceone.SpaceoneEmulator;
import io.scimgateway.emulator.spaceone.SpaceoneSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A gateway over its own SpaceONE emulator, for the adapter's tests: the emulator's settings and the
 * backend section can be adjusted, and the platform calls one SCIM request causes are listed.
 */
final class SpaceoneGateway implements AutoCloseable {

  final SpaceoneEmulator emulator;
  final ScimSession scim;
  private final TestGateway gateway;

  private SpaceoneGateway(SpaceoneEmulator emulator, TestGateway gateway) {
    this.emulator = emulator;
    this.gateway = gateway;
    this.scim = ScimSession.of(gateway);
  }

  static SpaceoneGateway start(Path data, SpaceoneSettings settings, UnaryOperator<ObjectNode> backend)
      throws IOException {
    SpaceoneEmulator emulator = new SpaceoneEmulator(settings).start();
    emulator.addRole("role-domain-admin", "Domain Admin", "DOMAIN");
    try {
      ObjectNode section = backend.apply(SpaceonePlatform.section(emulator, data));
      return new SpaceoneGateway(emulator, TestGateway.start(TestGateway.config(data, section), TestGateway.TOKEN));
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  static SpaceoneGateway start(Path data) throws IOException {
    return start(data, SpaceoneSettings.of("domain-adapter-test"), section -> section);
  }

  /** The platform calls {@code scimCall} causes, as "POST /identity/v1/user/list", oldest first. */
  List<String> callsOf(Runnable scimCall) {
    int before = emulator.received().size();
    scimCall.run();
    List<String> all = emulator.received();
    return List.copyOf(all.subList(before, all.size()));
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
