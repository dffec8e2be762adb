package io.scimgateway.sqlitefile;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.AuditPage;
import io.scimgateway.spi.AuditQuery;
import io.scimgateway.spi.AuditTrail;
import io.scimgateway.spi.WriteBatching;
import java.time.Instant;

/**
 * The audit trail in a {@link SqlDatabase}'s {@code audit_events} table (a SQLite file or a server). For the embedded store the
 * change and its event are one write: the event's row is inserted in the same unit of work as the
 * change's statements, so a change that rolls back takes its event with it. For a remote platform's
 * local state ({@link #afterChanges}) the change is a platform call, and the event is written once it
 * has succeeded. Thread-safe.
 */
public final class SqliteAuditTrail implements AuditTrail {

  private final SqlDatabase database;
  private final boolean sameTransaction;
  private final AuditRows rows = new AuditRows();

  private SqliteAuditTrail(SqlDatabase database, boolean sameTransaction) {
    this.database = database;
    this.sameTransaction = sameTransaction;
  }

  /** Events written with the changes, whose writes go to {@code database} too. */
  public static SqliteAuditTrail withChanges(SqlDatabase database) {
    return new SqliteAuditTrail(database, true);
  }

  /** Events written after changes made elsewhere (a remote platform) have succeeded. */
  public static SqliteAuditTrail afterChanges(SqlDatabase database) {
    return new SqliteAuditTrail(database, false);
  }

  @Override
  public <T> T recorded(WriteBatching.Work<T> change, EventOf<T> event) throws ScimException {
    if (sameTransaction) {
      // The change's own writes join this one (each in a savepoint inside it): all or nothing.
      return database.write(handle -> {
        T result = change.run();
        rows.insert(handle.getConnection(), event.of(result));
        return result;
      });
    }
    T result = change.run();
    database.write(handle -> {
      rows.insert(handle.getConnection(), event.of(result));
      return null;
    });
    return result;
  }

  @Override
  public AuditPage find(AuditQuery query) throws ScimException {
    return database.read(connection -> new AuditPage(
        query.limit() == 0 ? java.util.List.of() : rows.find(connection, query),
        rows.count(connection, query)));
  }

  @Override
  public int prune(Instant before, Long keep, int batch) throws ScimException {
    return database.write(handle -> {
      int deleted = before == null ? 0 : rows.pruneOlderThan(handle.getConnection(), before, batch);
      if (keep != null && deleted < batch) {
        deleted += rows.pruneBeyond(handle.getConnection(), keep, batch - deleted);
      }
      return deleted;
    });
  }
}
