package io.scimgateway.kit.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.sqlitefile.Statements;
import io.scimgateway.sqlitefile.Timestamps;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A write-ahead note of each write to a remote platform: begun before the write's first platform
 * call, finished once its local attributes are kept. The platform and local state are two stores
 * with no transaction across them, so a crash between the two leaves a note behind, and the next
 * start finds it ({@link #all()}) and repairs or reports the write. Kept in local state.
 * Thread-safe.
 */
public final class PendingWrites {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How old a note of another gateway must be before this one takes it for a crash's: longer than
   * any write waits for its platform (timeouts and retries included).
   */
  static final Duration ABANDONED = Duration.ofMinutes(10);

  private final LocalDatabase database;
  private final String owner;

  /** @param owner who this gateway is among those sharing a server, or null for a file of its own */
  PendingWrites(LocalDatabase database, String owner) {
    this.database = database;
    this.owner = owner;
  }

  /** Notes a write about to call the platform; returns the note's id for {@link #finish}. */
  public long begin(String resourceType, PendingWrite.Operation operation, String platformId,
      ObjectNode attributes, Instant now) {
    return database.write(handle -> handle.createQuery("INSERT INTO pending_writes "
            + "(resource_type, operation, platform_id, attributes, started, owner) "
            + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
        .bind(0, resourceType).bind(1, operation.name()).bind(2, platformId)
        .bind(3, attributes == null ? null : attributes.toString()).bind(4, Timestamps.format(now))
        .bind(5, owner)
        .mapTo(Long.class).one());
  }

  /** Forgets a note: its write is finished (or failed as a whole, and said so to its client). */
  public void finish(long id) {
    database.write(handle -> handle.createUpdate(
        "DELETE FROM pending_writes WHERE id = ?").bind(0, id).execute());
  }

  /**
   * The notes left by a crash, oldest first: in a file, all of them; on a server that several
   * gateways share, this gateway's own, and those of others older than {@link #ABANDONED} (a note of
   * a gateway still writing is not a crash's).
   */
  public List<PendingWrite> all() {
    String select = "SELECT id, resource_type, operation, platform_id, attributes, started FROM "
        + "pending_writes";
    if (owner == null) {
      return database.lookup(connection -> Statements.query(connection, select + " ORDER BY id",
          List.of(), PendingWrites::note));
    }
    String abandoned = Timestamps.format(Instant.now().minus(ABANDONED));
    return database.lookup(connection -> Statements.query(connection, select + " WHERE owner = ? "
        + "OR owner IS NULL OR started < ? ORDER BY id", List.of(owner, abandoned),
        PendingWrites::note));
  }

  private static PendingWrite note(ResultSet rs) throws SQLException {
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
