package io.scimgateway.conformance;

import java.nio.file.Path;

/** {@code sync} writing the embedded store through the gateway core in its own process. */
@Needs(Capability.EMBEDDED_STORE)
class SyncInProcessTest extends SyncScenarios {

  @Override
  SyncDirectory directory(Path data) {
    return SyncDirectory.inProcess(data);
  }
}
