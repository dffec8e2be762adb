package io.scimgateway.sqlite;

import io.scimgateway.sqlitefile.SqliteSettings;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.BackendProvider;

/** Selected with {@code backend.type: sqlite}, the default. */
public final class SqliteBackendProvider implements BackendProvider {

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public Backend open(BackendContext context) {
    return SqliteBackend.open(SqliteSettings.from(context.settings(), context.dataDirectory()),
        context.settings(), context.schemas());
  }
}
