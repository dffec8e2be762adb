package io.scimgateway.appwrite;

import io.scimgateway.kit.remote.RemoteBackendProvider;

/** {@code backend.type: appwrite}. */
public final class AppwriteBackendProvider extends RemoteBackendProvider {

  public AppwriteBackendProvider() {
    super("appwrite", context -> new AppwriteBackend(
        AppwriteSettings.from(context.settings(), context.dataDirectory())));
  }
}
