package io.scimgateway.braincloud;

import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.BackendProvider;

/** {@code backend.type: braincloud}. */
public final class BrainCloudBackendProvider implements BackendProvider {

  @Override
  public String name() {
    return "braincloud";
  }

  @Override
  public Backend open(BackendContext context) {
    return new BrainCloudBackend(BrainCloudSettings.from(context.settings(), context.dataDirectory()));
  }
}
