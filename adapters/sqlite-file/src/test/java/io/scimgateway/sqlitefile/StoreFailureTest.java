package io.scimgateway.sqlitefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreFailureTest {

  @Test
  void namesTheDatabaseThatFailedAndTheStatement() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      SQLException cause = assertThrows(SQLException.class,
          () -> connection.prepareStatement("SELECT nothing FROM nowhere"));
      StoreFailure failure = StoreFailure.on(connection, "SELECT nothing FROM nowhere", cause);
      assertTrue(failure.getMessage().startsWith("SQLite failed on \"SELECT nothing FROM nowhere\": "),
          failure.getMessage());
      assertEquals(cause, failure.getCause());
    }
  }

  @Test
  void aConnectionThatCannotSayWhatItIsStillGivesAMessage() throws SQLException {
    Connection closed = DriverManager.getConnection("jdbc:sqlite::memory:");
    closed.close();
    StoreFailure failure = StoreFailure.on(closed, "SELECT 1", new SQLException("closed"));
    assertTrue(failure.getMessage().contains("failed on \"SELECT 1\": closed"), failure.getMessage());
  }
}
