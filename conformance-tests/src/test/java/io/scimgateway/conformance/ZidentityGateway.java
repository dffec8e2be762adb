package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.zidentity.ZidEmulator;
import io.scimgateway.emulator.zidentity.ZidSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A gateway over its own ZIdentity emulator, for the adapter's tests: the emulator's settings and the
 * backend section can be adjusted, and the platform calls one SCIM request causes can be found, so
 * that a fault is queued for exactly the call a test means.
 */
final class ZidentityGateway implements AutoCloseable {

  final ZidEmulator emulator;
  final ScimSession scim;
  private final TestGateway gateway;

  private ZidentityGateway(ZidEmulator emulator, TestGateway gateway) {
    this.emulator = emulator;
    this.gateway = gateway;
    this.scim = ScimSession.of(gateway);
  }

  static ZidentityGateway start(Path data, ZidSettings settings, UnaryOperator<ObjectNode> backend)
      throws IOException {
    ZidEmulator emulator = new ZidEmulator(settings).start();
    try {
      ObjectNode section = backend.apply(ZidentityPlatform.section(emulator, data));
      return new ZidentityGateway(emulator,
          TestGateway.start(TestGateway.config(data, section), TestGateway.TOKEN));
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  static ZidentityGateway start(Path data) throws IOException {
    return start(data, ZidSettings.of("gateway", "emulator-secret"), section -> section);
  }

  /** The platform calls {@code scimCall} causes, as the emulator logs them ("METHOD /path?query"). */
  List<String> callsOf(Runnable scimCall) {
    int before = emulator.received().size();
    scimCall.run();
    List<String> all = emulator.received();
    return all.subList(before, all.size());
  }

  /**
   * How many platform calls {@code scimCall} makes before the first that starts with {@code call}
   * (e.g. {@code "POST /admin/api/v1/users"}); a test runs an equal SCIM call first to learn it.
   */
  int callsBefore(String call, Runnable scimCall) {
    List<String> calls = callsOf(scimCall);
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).startsWith(call)) {
        return i;
      }
    }
    throw new AssertionError("No " + call + " among " + calls);
  }

  /** How often the emulator received a call that starts with {@code call}. */
  long count(String call) {
    return emulator.received().stream().filter(received -> received.startsWith(call)).count();
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
