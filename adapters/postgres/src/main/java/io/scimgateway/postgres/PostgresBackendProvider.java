package io.scimgateway.postgres;

import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.BackendProvider;
import io.scimgateway.sqlite.DatabaseHealth;
import io.scimgateway.sqlite.SqlBackend;

/** Selected with {@code backend.type: postgres}: the store on a PostgreSQL server. */
public final class PostgresBackendProvider implements BackendProvider {

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public Backend open(BackendContext context) {
    PostgresDatabase database = new PostgresDatabase(PostgresSettings.from(context.settings()),
        PostgresDatabase.MIGRATIONS);
    try {
      return new PostgresBackend(new SqlBackend(database, PostgresDialect.INSTANCE,
          new DatabaseHealth(database::writeAndRollBack, "database"), context.settings(),
          context.schemas()), database);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }
}
