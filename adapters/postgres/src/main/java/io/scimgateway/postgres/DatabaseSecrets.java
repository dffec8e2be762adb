package io.scimgateway.postgres;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.SharedSecrets;
import io.scimgateway.sqlitefile.SqlDatabase;
import java.security.SecureRandom;

/**
 * Secrets in the {@code shared_secrets} table: the first instance to ask for one inserts random bytes,
 * and every instance reads back what is there, so two that ask at once still agree. Thread-safe.
 */
final class DatabaseSecrets implements SharedSecrets {

  private final SqlDatabase database;
  private final SecureRandom random = new SecureRandom();

  DatabaseSecrets(SqlDatabase database) {
    this.database = database;
  }

  @Override
  public byte[] secret(String name, int bytes) throws ScimException {
    byte[] candidate = new byte[bytes];
    random.nextBytes(candidate);
    return database.write(handle -> {
      handle.createUpdate("INSERT INTO shared_secrets (name, secret) VALUES (?, ?) "
          + "ON CONFLICT (name) DO NOTHING").bind(0, name).bind(1, candidate).execute();
      return handle.createQuery("SELECT secret FROM shared_secrets WHERE name = ?").bind(0, name)
          .mapTo(byte[].class).one();
    });
  }
}
