package io.scimgateway.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads the embedded store's file directly, to check what it keeps of password resets rather than
 * what the gateway answers.
 */
final class StoredPasswords {

  /** A user's outstanding reset as the database holds it. */
  record Reset(String tokenSha256, String expires) {
  }

  private final Path file;

  StoredPasswords(Path dataDirectory) {
    this.file = dataDirectory.resolve("scim-gateway.db");
  }

  Optional<Reset> reset(String userId) {
    return query("SELECT token_sha256, expires FROM password_resets JOIN resources ON pk = resource_pk "
        + "WHERE id = ?", userId, rows -> new Reset(rows.getString(1), rows.getString(2)));
  }

  long resetCount() {
    return query("SELECT count(*) FROM password_resets WHERE ? IS NOT NULL", "any",
        rows -> rows.getLong(1)).orElseThrow();
  }

  boolean mustChangePassword(String userId) {
    return query("SELECT must_change_password FROM resources WHERE id = ?", userId,
        rows -> rows.getInt(1) == 1).orElseThrow();
  }

  /** Whether {@code text} appears anywhere in the database or its write-ahead log, byte for byte. */
  boolean filesContain(String text) {
    for (Path each : new Path[] {file, Path.of(file + "-wal")}) {
      try {
        if (Files.exists(each) && new String(Files.readAllBytes(each), StandardCharsets.ISO_8859_1)
            .contains(text)) {
          return true;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }

  private <T> Optional<T> query(String sql, String parameter, Row<T> row) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @FunctionalInterface
  private interface Row<T> {
    T read(ResultSet rows) throws SQLException;
  }
}
