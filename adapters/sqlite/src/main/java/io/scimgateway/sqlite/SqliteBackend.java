package io.scimgateway.sqlite;

import io.scimgateway.spi.AuditTrail;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.EntitlementCatalog;
import io.scimgateway.spi.HealthCheck;
import io.scimgateway.spi.ListedCatalog;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.WriteBatching;
import io.scimgateway.sqlitefile.AuditRows;
import io.scimgateway.sqlitefile.SchemaMigrations;
import io.scimgateway.sqlitefile.SqliteAuditTrail;
import io.scimgateway.sqlitefile.SqliteDatabase;
import io.scimgateway.sqlitefile.SqliteSettings;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sqlite.SQLiteConnection;
import java.util.Optional;
import java.util.Set;
import io.scimgateway.schemas.SchemaRegistry;

/** The embedded store: Users and Groups in one SQLite file. Thread-safe. */
final class SqliteBackend implements Backend {

  /** The embedded store's resources, memberships and password resets. */
  static final SchemaMigrations MIGRATIONS = new SchemaMigrations(SqliteBackend.class, "migrations",
      List.of("V1__resources_and_memberships.sql", "V2__timestamps_and_paging_indexes.sql",
          "V3__resource_counts.sql", "V4__password_resets.sql", AuditRows.MIGRATION));

  private final SqliteDatabase database;
  private final Map<String, ResourceStore> stores;
  private final ListedCatalog catalog;
  private final AuditTrail auditTrail;

  SqliteBackend(SqliteSettings settings, ListedCatalog catalog, SchemaRegistry schemas) {
    this.catalog = catalog;
    this.database = new SqliteDatabase(settings, MIGRATIONS, SqliteBackend::connection);
    this.auditTrail = SqliteAuditTrail.withChanges(database);
    Memberships memberships = new Memberships();
    PasswordHasher passwords = new PasswordHasher();
    this.stores = Map.of(
        "User", new SqliteResourceStore(database, locator(schemas, "User", "groups"),
            DerivedAttributes.userGroups(memberships), memberships, passwords),
        "Group", new SqliteResourceStore(database, locator(schemas, "Group", "members"),
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
      WriteBatching batching = database::inOneBatch;
      return Optional.of(type.cast(batching));
    }
    if (type == EntitlementCatalog.class) {
      return Optional.of(type.cast(catalog));
    }
    if (type == AuditTrail.class) {
      return Optional.of(type.cast(auditTrail));
    }
    if (type == HealthCheck.class) {
      return Optional.of(type.cast(new DatabaseHealth(database, "database")));
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    database.close();
  }

  /** A connection that keeps its statements and knows the filter compiler's SQL functions. */
  private static SQLiteConnection connection(String url, String file, Properties properties)
      throws SQLException {
    SQLiteConnection connection = new StoreConnection(url, file, properties);
    ScimSqlFunctions.register(connection);
    return connection;
  }
}
