package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Appwrite, through a fresh emulator per gateway. Resets are login tokens handed to the reset sink;
 * Appwrite has no "must change password" setting, and its catalog is the configured one.
 */
public final class AppwritePlatform extends EmulatedPlatform {

  /** What a gateway over Appwrite can do, wherever its local state is kept. */
  static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.RESET_TOKENS,
      Capability.WRITABLE_CATALOG, Capability.USERNAME_CHANGES, Capability.CATALOGS,
      Capability.WRITABLE_ENTITLEMENTS);

  public AppwritePlatform() {
    super("appwrite", CAPABILITIES);
  }

  @Override
  protected Started start(Path data) throws IOException {
    AppwriteEmulator emulator = new AppwriteEmulator("conformance", "conformance-key").start();
    return new Started(section(emulator, data), emulator);
  }

  /**
   * The {@code backend:} section for a gateway over {@code emulator}, its API key in a file in
   * {@code data}, with quick retries (a few, 10 to 50 ms apart) so that fault tests run fast.
   */
  static ObjectNode section(AppwriteEmulator emulator, Path data) throws IOException {
    return section("appwrite", emulator.baseUri(), data, "apiKeyFile", emulator.apiKey(), 3, 50)
        .put("projectId", emulator.projectId());
  }
}
