package io.scimgateway.zidentity;

import io.scimgateway.kit.remote.RemoteBackendProvider;

/** {@code backend.type: zidentity}. */
public final class ZidentityBackendProvider extends RemoteBackendProvider {

  public ZidentityBackendProvider() {
    super("zidentity", context -> new ZidentityBackend(
        ZidentitySettings.from(context.settings(), context.dataDirectory())));
  }
}
