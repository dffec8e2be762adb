package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A gateway over an emulator of its own, for a platform's own tests: the test picks the emulator's
 * settings and adjusts the backend section, and finds the platform calls one SCIM request causes
 * (as the emulator logs them, oldest first), so that a fault is queued for exactly the call it means.
 * Closing checks that no request was answered with a 5xx, then stops the gateway and the emulator.
 */
class EmulatedGateway<E extends AutoCloseable> implements AutoCloseable {

  /** The backend section for a gateway over an emulator, its credentials in files in {@code data}. */
  @FunctionalInterface
  interface Section<E> {
    ObjectNode of(E emulator, Path data) throws IOException;
  }

  final E emulator;
  final ScimSession scim;
  /** The gateway's {@code backend} section, as a configuration file would hold it. */
  final ObjectNode backendSection;
  private final TestGateway gateway;
  private final Function<E, List<String>> calls;

  /**
   * Starts a gateway over {@code emulator}, already started, with the section {@code section} makes as
   * {@code backend} adjusts it; stops the emulator when the gateway does not start.
   */
  EmulatedGateway(E emulator, Path data, Section<E> section, UnaryOperator<ObjectNode> backend,
      Function<E, List<String>> calls) throws IOException {
    try {
      ObjectNode adjusted = backend.apply(section.of(emulator, data));
      this.gateway = TestGateway.start(TestGateway.config(data, adjusted), TestGateway.TOKEN);
      this.backendSection = adjusted.deepCopy();
    } catch (IOException | RuntimeException e) {
      closeAfter(emulator, e);
      throw e;
    }
    this.emulator = emulator;
    this.calls = calls;
    this.scim = ScimSession.of(gateway);
  }

  /** A session of its own, for a test whose point is a 5xx answer (closing does not check it). */
  ScimSession unchecked() {
    return ScimSession.of(gateway);
  }

  /** The platform calls {@code scimCall} causes. */
  List<String> callsOf(Runnable scimCall) {
    int before = calls.apply(emulator).size();
    scimCall.run();
    List<String> all = calls.apply(emulator);
    return List.copyOf(all.subList(before, all.size()));
  }

  /**
   * How many platform calls {@code scimCall} makes before the first that starts with {@code call}
   * (e.g. {@code "POST /admin/api/v1/users"}); a test runs an equal SCIM call first to learn it.
   */
  int callsBefore(String call, Runnable scimCall) {
    List<String> made = callsOf(scimCall);
    for (int i = 0; i < made.size(); i++) {
      if (made.get(i).startsWith(call)) {
        return i;
      }
    }
    throw new AssertionError("No " + call + " among " + made);
  }

  /** How often the emulator received a call that starts with {@code call}. */
  long count(String call) {
    return calls.apply(emulator).stream().filter(received -> received.startsWith(call)).count();
  }

  @Override
  public void close() {
    try {
      scim.assertNoServerErrors();
    } finally {
      try {
        gateway.close();
      } finally {
        closeAfter(emulator, null);
      }
    }
  }

  private static void closeAfter(AutoCloseable emulator, Exception failure) {
    try {
      emulator.close();
    } catch (Exception e) {
      if (failure == null) {
        throw new IllegalStateException(e);
      }
      failure.addSuppressed(e);
    }
  }
}
