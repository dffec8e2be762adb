package io.scimgateway.conformance;

import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import java.io.IOException;
import java.nio.file.Path;

/** A gateway over its own Appwrite emulator; calls are logged as "METHOD /v1/path?query". */
final class AppwriteGateway extends EmulatedGateway<AppwriteEmulator> {

  private AppwriteGateway(AppwriteEmulator emulator, Path data) throws IOException {
    super(emulator, data, AppwritePlatform::section, section -> section, AppwriteEmulator::received);
  }

  static AppwriteGateway start(Path data) throws IOException {
    return new AppwriteGateway(new AppwriteEmulator("gateway", "gateway-key").start(), data);
  }
}
