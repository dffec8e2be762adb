package io.scimgateway.kit.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.sqlitefile.SqliteDatabase;
import io.scimgateway.sqlitefile.Timestamps;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A write-ahead note of each write to a remote platform: begun before the write's first platform
 * call, finished once its local attributes are kept. The platform and local state are two stores
 * with no transaction across them, so a crash between the two leaves a note behind, and the next
 * start finds it ({@link #all()}) and repairs or reports the write. Kept in the local state file.
 * Thread-safe.
 */
public final class PendingWrites {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SqliteDatabase database;

  PendingWrites(SqliteDatabase database) {
    this.database = database;
  }

  /** Notes a write about to call the platform; returns the note's id for {@link #finish}. */
  public long begin(String resourceType, PendingWrite.Operation operation, String platformId,
      ObjectNode attributes, Instant now) {
    return database.writer().withHandle(handle -> handle.createQuery("INSERT INTO pending_writes "
            + "(resource_type, operation, platform_id, attributes, started) VALUES (?, ?, ?, ?, ?) "
            + "RETURNING id")
        .bind(0, resourceType).bind(1, operation.name()).bind(2, platformId)
        .bind(3, attributes == null ? null : attributes.toString()).bind(4, Timestamps.format(now))
        .mapTo(Long.class).one());
  }

  /** Forgets a note: its write is finished (or failed as a whole, and said so to its client). */
  public void finish(long id) {
    database.writer().useHandle(handle -> handle.createUpdate(
        "DELETE FROM pending_writes WHERE id = ?").bind(0, id).execute());
  }

  /** The notes left, oldest first. */
  public List<PendingWrite> all() {
    return database.reader().withHandle(handle -> handle.createQuery("SELECT id, resource_type, "
            + "operation, platform_id, attributes, started FROM pending_writes ORDER BY id")
        .map(PendingWrites::note).list());
  }

  private static PendingWrite note(ResultSet rs, StatementContext ctx) throws SQLException {
    String attributes = rs.getString("attributes");
    try {
      return new PendingWrite(rs.getLong("id"), rs.getString("resource_type"),
          PendingWrite.Operation.valueOf(rs.getString("operation")), rs.getString("platform_id"),
          attributes == null ? null : (ObjectNode) JSON.readTree(attributes),
          Instant.parse(rs.getString("started")));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("The pending write " + rs.getLong("id") + " is not JSON", e);
    }
  }
}
