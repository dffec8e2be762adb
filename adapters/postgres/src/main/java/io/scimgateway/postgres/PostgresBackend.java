package io.scimgateway.postgres;

import io.scimgateway.spi.Backend;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SharedSecrets;
import io.scimgateway.sqlite.SqlBackend;
import java.util.Optional;

/**
 * The store on PostgreSQL: the {@link SqlBackend}, and the secrets several gateway instances on the
 * database share (the cursor key), kept in the database. Thread-safe.
 */
final class PostgresBackend implements Backend {

  private final SqlBackend store;
  private final SharedSecrets secrets;

  PostgresBackend(SqlBackend store, PostgresDatabase database) {
    this.store = store;
    this.secrets = new DatabaseSecrets(database);
  }

  @Override
  public Optional<ResourceStore> store(String resourceTypeId) {
    return store.store(resourceTypeId);
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    if (type == SharedSecrets.class) {
      return Optional.of(type.cast(secrets));
    }
    return store.capability(type);
  }

  @Override
  public void close() {
    store.close();
  }
}
