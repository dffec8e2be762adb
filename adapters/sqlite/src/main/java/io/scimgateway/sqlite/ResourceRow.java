package io.scimgateway.sqlite;

import io.scimgateway.sqlitefile.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One row of {@code resources}, as read; {@code attributes} is the stored JSON text's UTF-8 bytes,
 * as both databases hand them over, for the JSON parser to read without a decoded copy.
 */
record ResourceRow(long pk, String id, byte[] attributes, Instant created, Instant lastModified,
    long version) {

  /** The columns {@link #read} reads, in this order, for the start of SELECT lists. */
  static final String COLUMNS = "pk, id, attributes, created, last_modified, version";

  /** How many columns {@link #COLUMNS} names; further selected columns come after them. */
  static final int COLUMN_COUNT = 6;

  /** The row from the first columns of a result selected with {@link #COLUMNS}. */
  static ResourceRow read(ResultSet rs) throws SQLException {
    return new ResourceRow(rs.getLong(1), rs.getString(2), rs.getBytes(3),
        Timestamps.parse(rs.getString(4)), Timestamps.parse(rs.getString(5)), rs.getLong(6));
  }
}
