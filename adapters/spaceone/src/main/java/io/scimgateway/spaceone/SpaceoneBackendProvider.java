package io.scimgateway.spaceone;

import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.BackendProvider;

/** {@code backend.type: spaceone}. */
public final class SpaceoneBackendProvider implements BackendProvider {

  @Override
  public String name() {
    return "spaceone";
  }

  @Override
  public Backend open(BackendContext context) {
    return new SpaceoneBackend(SpaceoneSettings.from(context.settings(), context.dataDirectory()));
  }
}
