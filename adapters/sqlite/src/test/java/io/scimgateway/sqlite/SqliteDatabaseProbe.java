package io.scimgateway.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the database file directly, to check what the store wrote rather than what it returns. */
final class SqliteDatabaseProbe {

  private final Path file;

  SqliteDatabaseProbe(Path dataDirectory) {
    this.file = dataDirectory.resolve("scim-gateway.db");
  }

  String passwordHash(String id) {
    return text("SELECT password_hash FROM resources WHERE id = ?", id);
  }

  /** The user's outstanding reset as {@code <token_sha256> <expires>}, or null. */
  String passwordReset(String id) {
    return text("SELECT token_sha256 || ' ' || expires FROM password_resets JOIN resources "
        + "ON pk = resource_pk WHERE id = ?", id);
  }

  /** How many reset rows there are, whatever user they belong to. */
  String passwordResetCount() {
    return text("SELECT count(*) FROM password_resets WHERE ? IS NOT NULL", "any");
  }

  String mustChangePassword(String id) {
    return text("SELECT must_change_password FROM resources WHERE id = ?", id);
  }

  private String text(String sql, String parameter) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checkpoints the whole WAL into the database file and empties it, without waiting: that fails
   * (reports busy) while any connection still reads an older snapshot.
   */
  boolean walFullyCheckpointed() {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement statement = connection.prepareStatement("PRAGMA wal_checkpoint(TRUNCATE)");
        ResultSet result = statement.executeQuery()) {
      return result.next() && result.getInt(1) == 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
