package io.scimgateway.conformance;

import java.nio.file.Path;

/**
 * {@code sync} writing a running gateway by URL and token, through /Bulk. Run over the embedded store:
 * what is tested is the command. (Over a remote platform, a run killed in the middle of a /Bulk can
 * leave a platform write whose local state is missing, which the gateway does not yet repair.)
 */
@Needs(Capability.EMBEDDED_STORE)
class SyncByUrlTest extends SyncScenarios {

  @Override
  SyncDirectory directory(Path data) {
    return SyncDirectory.byUrl(data);
  }
}
