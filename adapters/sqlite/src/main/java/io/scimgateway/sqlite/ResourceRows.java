package io.scimgateway.sqlite;

import io.scimgateway.sqlitefile.Timestamps;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The SQL on the {@code resources} table for one resource type. Stateless apart from the type. Reads
 * take a connection and run on its kept statements ({@link StoreConnection}); writes take a handle.
 */
final class ResourceRows {

  private final String resourceType;

  ResourceRows(String resourceType) {
    this.resourceType = resourceType;
  }

  Optional<ResourceRow> find(Connection connection, String id) {
    return StoreConnection.query(connection, "SELECT " + ResourceRow.COLUMNS
            + " FROM resources WHERE id = ? AND resource_type = ?", List.of(id, resourceType),
        ResourceRow::read).stream().findFirst();
  }

  long insert(Handle handle, String id, String json, IndexedColumns columns, String passwordHash,
      Instant now) {
    return handle.createUpdate("INSERT INTO resources (id, resource_type, attributes, user_name, "
            + "user_name_ci, external_id, display_name, display_name_ci, password_hash, created, "
            + "last_modified, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
        .bind(0, id).bind(1, resourceType).bind(2, json)
        .bind(3, columns.userName()).bind(4, columns.userNameFolded())
        .bind(5, columns.externalId())
        .bind(6, columns.displayName()).bind(7, columns.displayNameFolded())
        .bind(8, passwordHash).bind(9, Timestamps.format(now)).bind(10, Timestamps.format(now))
        .executeAndReturnGeneratedKeys("pk").mapTo(Long.class).one();
  }

  /** Updates the row if it still has {@code expectedVersion}; a null password hash keeps the old one. */
  boolean update(Handle handle, long pk, long expectedVersion, String json, IndexedColumns columns,
      String passwordHash, Instant now) {
    return handle.createUpdate("UPDATE resources SET attributes = ?, user_name = ?, user_name_ci = ?, "
            + "external_id = ?, display_name = ?, display_name_ci = ?, "
            + "password_hash = coalesce(?, password_hash), last_modified = ?, version = version + 1 "
            + "WHERE pk = ? AND version = ?")
        .bind(0, json).bind(1, columns.userName()).bind(2, columns.userNameFolded())
        .bind(3, columns.externalId())
        .bind(4, columns.displayName()).bind(5, columns.displayNameFolded())
        .bind(6, passwordHash).bind(7, Timestamps.format(now))
        .bind(8, pk).bind(9, expectedVersion)
        .execute() == 1;
  }

  void delete(Handle handle, long pk) {
    handle.createUpdate("DELETE FROM resources WHERE pk = ?").bind(0, pk).execute();
  }

  /** Rows matching {@code where} in {@code keyset} order, from an offset. */
  List<KeyedRow> page(Connection connection, SqlFragment where, Keyset keyset, SortKey key, long offset,
      int limit) {
    return select(connection, where, SqlFragment.TRUE, keyset, key, false, limit, offset, false);
  }

  /** Rows matching {@code where} after (or before) a position, always returned in forward order. */
  List<KeyedRow> beyond(Connection connection, SqlFragment where, Keyset keyset, SortKey key,
      String position, boolean backwards, int limit) {
    SqlFragment after = position == null ? SqlFragment.TRUE : keyset.beyond(position, backwards);
    List<KeyedRow> rows = select(connection, where, after, keyset, key, backwards, limit, 0, true);
    if (backwards) {
      Collections.reverse(rows);
    }
    return rows;
  }

  /**
   * A filtered page selects the matching pks first, so that SQLite evaluates the filter over the
   * narrowest index that holds its columns (a {@code displayName co} scans the display-name index, not
   * every row's JSON) and reads whole rows only for matches; an unfiltered page walks the pk index.
   */
  private List<KeyedRow> select(Connection connection, SqlFragment where, SqlFragment after, Keyset keyset,
      SortKey key, boolean backwards, int limit, long offset, boolean withPositions) {
    boolean filtered = !where.equals(SqlFragment.TRUE);
    String matching = filtered
        ? "pk IN (SELECT pk FROM resources WHERE resource_type = ? AND (" + where.sql() + "))"
        : "resource_type = ?";
    String sql = "SELECT " + ResourceRow.COLUMNS + ", " + key.sql()
        + " AS sort_key FROM resources WHERE " + matching + " AND (" + after.sql() + ") ORDER BY "
        + keyset.orderBy(backwards) + " LIMIT ? OFFSET ?";
    List<Object> parameters = new ArrayList<>(key.parameters());
    parameters.add(resourceType);
    parameters.addAll(where.parameters());
    parameters.addAll(after.parameters());
    parameters.addAll(keyset.orderByParameters());
    parameters.add(limit);
    parameters.add(offset);
    int sortKey = ResourceRow.COLUMN_COUNT + 1;
    return StoreConnection.query(connection, sql, parameters, rs -> {
      ResourceRow row = ResourceRow.read(rs);
      return new KeyedRow(row, withPositions ? Keyset.position(rs.getObject(sortKey), row.pk()) : null);
    });
  }

  long count(Connection connection, SqlFragment where) {
    if (where.equals(SqlFragment.TRUE)) {
      return StoreConnection.query(connection, "SELECT coalesce((SELECT total FROM resource_counts "
          + "WHERE resource_type = ?), 0)", List.of(resourceType), rs -> rs.getLong(1)).get(0);
    }
    List<Object> parameters = new ArrayList<>();
    parameters.add(resourceType);
    parameters.addAll(where.parameters());
    return StoreConnection.query(connection,
        "SELECT count(*) FROM resources WHERE resource_type = ? AND (" + where.sql() + ")",
        parameters, rs -> rs.getLong(1)).get(0);
  }

  /** A row with its keyset position. */
  record KeyedRow(ResourceRow row, String position) {
  }
}
