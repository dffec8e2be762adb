package io.scimgateway.conformance;

import java.nio.file.Path;

/** {@code sync} writing a running gateway by URL and token, through /Bulk. */
class SyncByUrlTest extends SyncScenarios {

  @Override
  SyncDirectory directory(Path data) {
    return SyncDirectory.byUrl(data);
  }
}
