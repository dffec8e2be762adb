package io.scimgateway.sqlite;

import io.scimgateway.spi.Backend;
import io.scimgateway.spi.ResourceStore;
import java.util.Map;
import java.util.Optional;

/** The embedded store: Users and Groups in one SQLite file. Thread-safe. */
final class SqliteBackend implements Backend {

  private final SqliteDatabase database;
  private final Map<String, ResourceStore> stores;

  SqliteBackend(SqliteSettings settings) {
    this.database = new SqliteDatabase(settings);
    Memberships memberships = new Memberships();
    PasswordHasher passwords = new PasswordHasher();
    this.stores = Map.of(
        "User", new SqliteResourceStore(database, "User",
            DerivedAttributes.userGroups(memberships), memberships, passwords),
        "Group", new SqliteResourceStore(database, "Group",
            DerivedAttributes.groupMembers(memberships), memberships, passwords));
  }

  @Override
  public Optional<ResourceStore> store(String resourceTypeId) {
    return Optional.ofNullable(stores.get(resourceTypeId));
  }

  @Override
  public void close() {
    database.close();
  }
}
