package io.scimgateway.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.local.LocalStateServer;
import io.scimgateway.kit.local.LocalStateSql;
import io.scimgateway.sqlitefile.SchemaMigrations;
import io.scimgateway.sqlitefile.SqlDatabase;
import java.util.List;

/**
 * Local state of a remote backend on PostgreSQL ({@code backend.localState.type: postgres}), so
 * that several gateways in front of one platform share it. The section reads as the store's
 * ({@link PostgresSettings}); the database is local state's own (its tables are not the store's).
 */
public final class PostgresLocalStateServer implements LocalStateServer {

  /** Local state's tables, and the audit trail's as the store has it. */
  static final SchemaMigrations MIGRATIONS = new SchemaMigrations(PostgresDatabase.class,
      "local-state-migrations", List.of("V1__local_records.sql",
          "/io/scimgateway/postgres/migrations/V2__audit_events.sql"));

  @Override
  public String type() {
    return "postgres";
  }

  @Override
  public LocalStateSql sql() {
    return LocalStateSql.POSTGRES;
  }

  @Override
  public SqlDatabase open(ObjectNode section) {
    PostgresSettings settings;
    try {
      settings = PostgresSettings.from(section);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("In backend.localState (read as a postgres backend "
          + "section): " + e.getMessage(), e);
    }
    return new PostgresDatabase(settings, MIGRATIONS);
  }
}
