package io.scimgateway.appwrite;

import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.BackendProvider;

/** {@code backend.type: appwrite}. */
public final class AppwriteBackendProvider implements BackendProvider {

  @Override
  public String name() {
    return "appwrite";
  }

  @Override
  public Backend open(BackendContext context) {
    return new AppwriteBackend(AppwriteSettings.from(context.settings(), context.dataDirectory()));
  }
}
