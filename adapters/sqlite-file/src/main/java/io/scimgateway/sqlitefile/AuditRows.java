package io.scimgateway.sqlitefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgateway.spi.AuditEvent;
import io.scimgateway.spi.AuditQuery;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SQL of the {@code audit_events} table: one row per event, numbered in the order written
 * ({@code seq}), times as {@link Timestamps} writes them so that text order is time order. Plain SQL
 * with bound parameters that SQLite and PostgreSQL both take. Stateless and thread-safe.
 */
public final class AuditRows {

  /** The migration that makes the table, for the migration list of each file that keeps events. */
  public static final String MIGRATION = "/io/scimgateway/sqlitefile/audit-events.sql";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS = "event_id, happened, actor, client_id, address, request_id, "
      + "operation, resource_type, resource_id, resource_name, changes, outcome";
  private static final String INSERT = "INSERT INTO audit_events (" + COLUMNS
      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String PRUNE_OLDER = "DELETE FROM audit_events WHERE seq IN (SELECT seq FROM "
      + "audit_events WHERE happened < ? ORDER BY seq LIMIT ?)";
  private static final String PRUNE_BEYOND = "DELETE FROM audit_events WHERE seq IN (SELECT seq FROM "
      + "audit_events WHERE seq <= (SELECT seq FROM audit_events ORDER BY seq DESC LIMIT 1 OFFSET ?) "
      + "ORDER BY seq LIMIT ?)";

  /** Writes one event; on a SQLite connection with its kept insert statement. */
  public void insert(Connection connection, AuditEvent event) {
    String changes;
    try {
      changes = JSON.writeValueAsString(event.changes());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    Statements.update(connection, INSERT, Arrays.asList(event.id(), Timestamps.format(event.time()),
        event.actor(), event.clientId(), event.address(), event.requestId(), event.operation(),
        event.resourceType(), event.resourceId(), event.resourceName(), changes, event.outcome()));
  }

  /** The events that match, newest first. */
  public List<AuditEvent> find(Connection connection, AuditQuery query) {
    Where where = Where.of(query);
    String sql = "SELECT " + COLUMNS + " FROM audit_events" + where.sql()
        + " ORDER BY seq DESC LIMIT ? OFFSET ?";
    List<Object> parameters = new ArrayList<>(where.parameters());
    parameters.add(query.limit());
    parameters.add(query.offset());
    List<AuditEvent> events = new ArrayList<>();
    try (PreparedStatement select = prepare(connection, sql, parameters);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        events.add(event(rows));
      }
    } catch (SQLException e) {
      throw StoreFailure.on(connection, sql, e);
    }
    return events;
  }

  public long count(Connection connection, AuditQuery query) {
    Where where = Where.of(query);
    String sql = "SELECT count(*) FROM audit_events" + where.sql();
    try (PreparedStatement select = prepare(connection, sql, where.parameters());
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw StoreFailure.on(connection, sql, e);
    }
  }

  /** Deletes at most {@code batch} of the oldest events written before {@code before}. */
  public int pruneOlderThan(Connection connection, Instant before, int batch) {
    return delete(connection, PRUNE_OLDER, List.of(Timestamps.format(before), batch));
  }

  /** Deletes at most {@code batch} of the oldest events beyond the newest {@code keep}. */
  public int pruneBeyond(Connection connection, long keep, int batch) {
    return delete(connection, PRUNE_BEYOND, List.of(keep, batch));
  }

  private static int delete(Connection connection, String sql, List<Object> parameters) {
    try (PreparedStatement delete = prepare(connection, sql, parameters)) {
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw StoreFailure.on(connection, sql, e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement;
  }

  private static AuditEvent event(ResultSet rows) throws SQLException {
    try {
      return new AuditEvent(rows.getString(1), Timestamps.parse(rows.getString(2)),
          rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
          rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10),
          JSON.readTree(rows.getString(11)), rows.getString(12));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The conditions of a query as SQL and its parameters. */
  private record Where(String sql, List<Object> parameters) {

    static Where of(AuditQuery query) {
      List<String> terms = new ArrayList<>();
      List<Object> parameters = new ArrayList<>();
      add(terms, parameters, "happened >= ?",
          query.from() == null ? null : Timestamps.format(query.from()));
      add(terms, parameters, "happened < ?",
          query.until() == null ? null : Timestamps.format(query.until()));
      add(terms, parameters, "event_id = ?", query.eventId());
      add(terms, parameters, "resource_id = ?", query.resourceId());
      add(terms, parameters, "actor = ?", query.actor());
      add(terms, parameters, "operation = ?", query.operation());
      add(terms, parameters, "lower(resource_name) = lower(?)", query.resourceName());
      return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), parameters);
    }

    private static void add(List<String> terms, List<Object> parameters, String term, Object value) {
      if (value != null) {
        terms.add(term);
        parameters.add(value);
      }
    }
  }
}
