package io.scimgateway.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** One row of {@code resources}, as read; {@code attributes} is the stored JSON text. */
record ResourceRow(long pk, String id, String attributes, Instant created, Instant lastModified,
    long version) {

  /** The columns {@link #MAPPER} reads, for SELECT lists. */
  static final String COLUMNS = "pk, id, attributes, created, last_modified, version";

  static final RowMapper<ResourceRow> MAPPER = ResourceRow::map;

  private static ResourceRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ResourceRow(rs.getLong("pk"), rs.getString("id"), rs.getString("attributes"),
        Instant.parse(rs.getString("created")), Instant.parse(rs.getString("last_modified")),
        rs.getLong("version"));
  }
}
