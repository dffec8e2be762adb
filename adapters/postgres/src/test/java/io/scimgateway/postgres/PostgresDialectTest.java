package io.scimgateway.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What is PostgreSQL's alone: paths as text arrays, unique violations by SQLSTATE, the settings. */
class PostgresDialectTest {

  private final PostgresDialect dialect = PostgresDialect.INSTANCE;

  @Test
  void jsonPathsBecomeQuotedTextArrays() {
    assertEquals("{\"name\",\"givenName\"}", dialect.jsonPath("$.name.givenName"));
    assertEquals("{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\",\"manager\",\"value\"}",
        dialect.jsonPath("$.\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\".manager.value"));
    assertEquals("{\"odd\\\"name\"}", dialect.jsonPath("$.odd\"name"));
  }

  @Test
  void aUniqueViolationIsFoundAmongTheCauses() {
    SQLException unique = new SQLException("duplicate key", "23505");
    assertTrue(dialect.isUniqueViolation(new IllegalStateException("write failed", unique)));
    assertFalse(dialect.isUniqueViolation(new SQLException("deadlock", "40P01")));
  }

  @Test
  void settingsNeedAPostgresUrlAndNeverPrintThePassword() {
    ObjectNode section = JsonNodeFactory.instance.objectNode().put("type", "postgres")
        .put("url", "jdbc:postgresql://localhost:5432/scim").put("user", "scim")
        .put("passwordFile", writePassword());
    PostgresSettings settings = PostgresSettings.from(section);
    assertEquals(10, settings.poolSize());
    assertEquals("s3cret-pw", settings.password());
    assertFalse(settings.toString().contains("s3cret-pw"));
    section.put("url", "jdbc:mysql://localhost/scim");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> PostgresSettings.from(section));
    assertTrue(refused.getMessage().contains("backend.url"), refused.getMessage());
  }

  private static String writePassword() {
    try {
      Path file = Files.createTempFile("db-password", ".txt");
      Files.writeString(file, "s3cret-pw\n");
      file.toFile().deleteOnExit();
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
