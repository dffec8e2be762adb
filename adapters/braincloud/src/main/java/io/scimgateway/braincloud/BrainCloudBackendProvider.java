package io.scimgateway.braincloud;

import io.scimgateway.kit.remote.RemoteBackendProvider;

/** {@code backend.type: braincloud}. */
public final class BrainCloudBackendProvider extends RemoteBackendProvider {

  public BrainCloudBackendProvider() {
    super("braincloud", context -> new BrainCloudBackend(
        BrainCloudSettings.from(context.settings(), context.dataDirectory())));
  }
}
