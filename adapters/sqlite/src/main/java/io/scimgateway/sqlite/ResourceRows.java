package io.scimgateway.sqlite;

import io.scimgateway.sqlitefile.Statements;
import io.scimgateway.sqlitefile.Timestamps;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The SQL on the {@code resources} table for one resource type. Stateless apart from the type. Reads
 * take a connection and run with {@link Statements} (on SQLite, kept ones); writes take a handle.
 */
final class ResourceRows {

  /** How many pks a row of {@code resource_pk_blocks} counts; the migrations divide by it too. */
  static final int PK_BLOCK = 1024;

  private final String resourceType;
  private final SqlDialect dialect;
  private final String presence;

  /**
   * @param presence the condition on a row under which it may have derived attributes
   *     ({@link DerivedAttributes#presence}), selected with every row read
   */
  ResourceRows(String resourceType, SqlDialect dialect, String presence) {
    this.resourceType = resourceType;
    this.dialect = dialect;
    this.presence = presence;
  }

  Optional<ResourceRow> find(Connection connection, String id) {
    return lookUp(connection, id).map(KeyedRow::row);
  }

  /** The row with this id, and whether it may have derived attributes, in one statement. */
  Optional<KeyedRow> lookUp(Connection connection, String id) {
    if (!dialect.storesNul() && id.indexOf('\0') >= 0) {
      return Optional.empty(); // no stored id holds NUL, and the database refuses to compare one
    }
    return Statements.query(connection, "SELECT " + ResourceRow.COLUMNS + ", (" + presence
            + ") FROM resources WHERE id = ? AND resource_type = ?", List.of(id, resourceType),
        rs -> new KeyedRow(ResourceRow.read(rs), null,
            rs.getBoolean(ResourceRow.COLUMN_COUNT + 1))).stream().findFirst();
  }

  /** Inserts a row on the writer's kept statements and returns its pk. */
  long insert(Connection connection, String id, String json, IndexedColumns columns,
      String passwordHash, Instant now) {
    String time = Timestamps.format(now);
    Statements.update(connection, "INSERT INTO resources (id, resource_type, attributes, "
        + "user_name, user_name_ci, external_id, display_name, display_name_ci, password_hash, created, "
        + "last_modified, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", Arrays.asList(id,
        resourceType, json, columns.userName(), columns.userNameFolded(), columns.externalId(),
        columns.displayName(), columns.displayNameFolded(), passwordHash, time, time));
    long pk = Statements.query(connection, dialect.lastInsertedPk(), List.of(),
        rs -> rs.getLong(1)).get(0);
    if (dialect.countsInStatements()) {
      Statements.update(connection, "INSERT INTO resource_counts (resource_type, total) VALUES (?, 1) "
          + "ON CONFLICT (resource_type) DO UPDATE SET total = resource_counts.total + 1",
          List.of(resourceType));
    }
    return pk;
  }

  /**
   * Updates the row with this id if it still has {@code expectedVersion}; a null password hash keeps
   * the old one. False when no row has both (the caller tells a missing row from a changed one).
   */
  boolean updateIfVersion(Connection connection, String id, long expectedVersion, String json,
      IndexedColumns columns, String passwordHash, Instant now) {
    return Statements.update(connection, "UPDATE resources SET attributes = ?, user_name = ?, "
        + "user_name_ci = ?, external_id = ?, display_name = ?, display_name_ci = ?, "
        + "password_hash = coalesce(?, password_hash), last_modified = ?, version = version + 1 "
        + "WHERE id = ? AND resource_type = ? AND version = ?", Arrays.asList(json,
        columns.userName(), columns.userNameFolded(), columns.externalId(), columns.displayName(),
        columns.displayNameFolded(), passwordHash, Timestamps.format(now), id, resourceType,
        expectedVersion)) == 1;
  }

  void delete(Handle handle, long pk) {
    if (handle.createUpdate("DELETE FROM resources WHERE pk = ?").bind(0, pk).execute() == 1
        && dialect.countsInStatements()) {
      handle.createUpdate("UPDATE resource_counts SET total = total - 1 WHERE resource_type = ?")
          .bind(0, resourceType).execute();
    }
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
   * An unfiltered page past the first selects its pks on their own ({@link #skipped}).
   */
  private List<KeyedRow> select(Connection connection, SqlFragment where, SqlFragment after, Keyset keyset,
      SortKey key, boolean backwards, int limit, long offset, boolean withPositions) {
    boolean filtered = !where.equals(SqlFragment.TRUE);
    boolean skipByPk = !filtered && offset > 0;
    List<Object> parameters = new ArrayList<>(key.parameters());
    String matching;
    if (filtered) {
      matching = "pk IN (SELECT pk FROM resources WHERE resource_type = ? AND (" + where.sql() + "))";
      parameters.add(resourceType);
      parameters.addAll(where.parameters());
    } else if (skipByPk) {
      SqlFragment skipped = skipped(keyset, backwards, limit, offset);
      matching = "pk IN (" + skipped.sql() + ")";
      parameters.addAll(skipped.parameters());
    } else {
      matching = "resource_type = ?";
      parameters.add(resourceType);
    }
    String sql = "SELECT " + ResourceRow.COLUMNS + ", " + key.sql() + " AS sort_key, (" + presence
        + ") AS derived_present FROM resources WHERE " + matching + " AND (" + after.sql() + ") ORDER BY "
        + keyset.orderBy(backwards) + " LIMIT ? OFFSET ?";
    parameters.addAll(after.parameters());
    parameters.addAll(keyset.orderByParameters());
    parameters.add(limit);
    parameters.add(skipByPk ? 0 : offset);
    int sortKey = ResourceRow.COLUMN_COUNT + 1;
    return Statements.query(connection, sql, parameters, rs -> {
      ResourceRow row = ResourceRow.read(rs);
      return new KeyedRow(row, withPositions ? Keyset.position(rs.getObject(sortKey), row.pk()) : null,
          rs.getBoolean(sortKey + 1));
    });
  }

  /**
   * The pks of an unfiltered page past the first, skipped over in an index alone, so that
   * PostgreSQL counts off 900,000 index entries rather than table rows (SQLite defers reading a row
   * until it is needed). In creation order, where the dialect keeps {@code resource_pk_blocks}, the
   * offset is first counted off in whole blocks (up to the last block that starts at or before it)
   * and then only within that block; both tables are read in the statement's one snapshot, so they
   * agree.
   */
  private SqlFragment skipped(Keyset keyset, boolean backwards, int limit, long offset) {
    if (dialect.countsPkBlocks() && keyset.pkOrder() && !backwards) {
      String start = "WITH start AS (SELECT block, before FROM (SELECT block, sum(total) OVER "
          + "(ORDER BY block) - total AS before FROM resource_pk_blocks WHERE resource_type = ?) AS blocks "
          + "WHERE before <= ? ORDER BY block DESC LIMIT 1) ";
      return new SqlFragment(start + "SELECT pk FROM resources WHERE resource_type = ? AND pk >= "
          + "coalesce((SELECT block FROM start), 0) * " + PK_BLOCK + " ORDER BY pk LIMIT ? OFFSET ? - "
          + "coalesce((SELECT before FROM start), 0)",
          List.of(resourceType, offset, resourceType, limit, offset));
    }
    List<Object> parameters = new ArrayList<>();
    parameters.add(resourceType);
    parameters.addAll(keyset.orderByParameters());
    parameters.add(limit);
    parameters.add(offset);
    return new SqlFragment("SELECT pk FROM resources WHERE resource_type = ? ORDER BY "
        + keyset.orderBy(backwards) + " LIMIT ? OFFSET ?", parameters);
  }

  long count(Connection connection, SqlFragment where) {
    if (where.equals(SqlFragment.TRUE)) {
      return Statements.query(connection, "SELECT coalesce((SELECT total FROM resource_counts "
          + "WHERE resource_type = ?), 0)", List.of(resourceType), rs -> rs.getLong(1)).get(0);
    }
    List<Object> parameters = new ArrayList<>();
    parameters.add(resourceType);
    parameters.addAll(where.parameters());
    return Statements.query(connection,
        "SELECT count(*) FROM resources WHERE resource_type = ? AND (" + where.sql() + ")",
        parameters, rs -> rs.getLong(1)).get(0);
  }

  /** A row with its keyset position, and whether it may have derived attributes. */
  record KeyedRow(ResourceRow row, String position, boolean mayHaveDerived) {
  }
}
