package io.scimgateway.conformance;

import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import java.io.IOException;
import java.nio.file.Path;

/** A gateway over its own Appwrite emulator, for the adapter's tests. */
record AppwriteGateway(AppwriteEmulator emulator, TestGateway gateway, ScimSession scim)
    implements AutoCloseable {

  static AppwriteGateway start(Path data) throws IOException {
    AppwriteEmulator emulator = new AppwriteEmulator("gateway", "gateway-key").start();
    try {
      TestGateway gateway = TestGateway.start(TestGateway.config(data)
          .withBackend(AppwritePlatform.section(emulator, data)), TestGateway.TOKEN);
      return new AppwriteGateway(emulator, gateway, ScimSession.of(gateway));
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  /** Checks that no request was answered with a 5xx, then stops the gateway and the emulator. */
  @Override
  public void close() {
    try (emulator; gateway) {
      scim.assertNoServerErrors();
    }
  }
}
