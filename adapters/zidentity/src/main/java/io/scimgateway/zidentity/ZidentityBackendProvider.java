package io.scimgateway.zidentity;

import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.BackendProvider;

/** {@code backend.type: zidentity}. */
public final class ZidentityBackendProvider implements BackendProvider {

  @Override
  public String name() {
    return "zidentity";
  }

  @Override
  public Backend open(BackendContext context) {
    return new ZidentityBackend(ZidentitySettings.from(context.settings(), context.dataDirectory()));
  }
}
