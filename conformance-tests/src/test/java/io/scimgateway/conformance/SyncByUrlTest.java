package io.scimgateway.conformance;

import java.nio.file.Path;

/**
 * {@code sync} writing a running gateway by URL and token, through /Bulk. Run over the embedded store:
 * what is tested is the command. (Over the SpaceONE emulator the kill-and-resume scenario ended in a
 * different directory than an uninterrupted run; that remains to be explained.)
 */
@Needs(Capability.EMBEDDED_STORE)
class SyncByUrlTest extends SyncScenarios {

  @Override
  SyncDirectory directory(Path data) {
    return SyncDirectory.byUrl(data);
  }
}
