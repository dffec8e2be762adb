package io.scimgateway.spaceone;

import io.scimgateway.kit.remote.RemoteBackendProvider;

/** {@code backend.type: spaceone}. */
public final class SpaceoneBackendProvider extends RemoteBackendProvider {

  public SpaceoneBackendProvider() {
    super("spaceone", context -> new SpaceoneBackend(
        SpaceoneSettings.from(context.settings(), context.dataDirectory())));
  }
}
