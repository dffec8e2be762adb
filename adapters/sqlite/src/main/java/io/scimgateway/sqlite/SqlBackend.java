package io.scimgateway.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.AuditTrail;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.EntitlementCatalog;
import io.scimgateway.spi.HealthCheck;
import io.scimgateway.spi.ListedCatalog;
import io.scimgateway.spi.ReadConcurrency;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.WriteBatching;
import io.scimgateway.sqlitefile.SqlDatabase;
import io.scimgateway.sqlitefile.SqliteAuditTrail;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store: Users and Groups in one SQL database, SQLite's file or a PostgreSQL server, with the
 * same SQL but for what {@link SqlDialect} says differently. The audit trail is written in the same
 * transaction as each change. Thread-safe.
 */
public final class SqlBackend implements Backend {

  private final SqlDatabase database;
  private final Map<String, ResourceStore> stores;
  private final ListedCatalog catalog;
  private final AuditTrail auditTrail;
  private final HealthCheck health;

  /**
   * @param database an open database whose schema is up to date
   * @param health how to tell whether it is open and writable
   * @param settings the {@code backend:} section (for the entitlement and role catalog)
   */
  public SqlBackend(SqlDatabase database, SqlDialect dialect, HealthCheck health,
      ObjectNode settings, SchemaRegistry schemas) {
    this.database = database;
    this.catalog = ConfiguredCatalog.from(settings);
    this.health = health;
    this.auditTrail = SqliteAuditTrail.withChanges(database);
    Memberships memberships = new Memberships(dialect);
    PasswordHasher passwords = new PasswordHasher();
    this.stores = Map.of(
        "User", new SqliteResourceStore(database, dialect, locator(schemas, "User", "groups"),
            DerivedAttributes.userGroups(memberships), memberships, passwords),
        "Group", new SqliteResourceStore(database, dialect, locator(schemas, "Group", "members"),
            DerivedAttributes.groupMembers(memberships), memberships, passwords));
  }

  private static AttributeLocator locator(SchemaRegistry schemas, String type, String derived) {
    return new AttributeLocator(schemas.resourceType(type).orElseThrow(
        () -> new IllegalStateException("The schema registry has no resource type " + type)),
        Set.of(derived));
  }

  @Override
  public Optional<ResourceStore> store(String resourceTypeId) {
    return Optional.ofNullable(stores.get(resourceTypeId));
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    if (type == WriteBatching.class) {
      WriteBatching batching = new WriteBatching() {
        @Override
        public <T> T inOneBatch(Work<T> work) throws ScimException {
          return database.inOneBatch(work);
        }

        @Override
        public <T> T inOneRepeatableBatch(Work<T> work) throws ScimException {
          return database.inOneRepeatableBatch(work);
        }
      };
      return Optional.of(type.cast(batching));
    }
    if (type == EntitlementCatalog.class) {
      return Optional.of(type.cast(catalog));
    }
    if (type == AuditTrail.class) {
      return Optional.of(type.cast(auditTrail));
    }
    if (type == HealthCheck.class) {
      return Optional.of(type.cast(health));
    }
    if (type == ReadConcurrency.class) {
      return database.readConcurrency().map(type::cast);
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    database.close();
  }
}
