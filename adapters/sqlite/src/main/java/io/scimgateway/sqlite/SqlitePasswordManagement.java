package io.scimgateway.sqlite;

import io.scimgateway.sqlitefile.SqlDatabase;
import io.scimgateway.sqlitefile.Timestamps;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.PasswordFeature;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.PasswordReset;
import io.scimgateway.spi.ResetOutcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Password resets and "must change the password" for the embedded store's users. A reset issues a
 * {@link ResetToken} and keeps its SHA-256 with the user and the expiry, replacing any earlier one;
 * the gateway hands the token to its reset sink. Neither changes the user's version: they are not
 * part of its SCIM representation. Thread-safe.
 */
final class SqlitePasswordManagement implements PasswordManagement {

  /** How long a reset token stays valid when the request does not say. */
  static final Duration DEFAULT_VALID_FOR = Duration.ofHours(1);

  private static final Set<PasswordFeature> FEATURES = EnumSet.of(PasswordFeature.RESET,
      PasswordFeature.RESET_EXPIRY, PasswordFeature.MUST_CHANGE);

  private final SqlDatabase database;
  private final ResourceRows users;
  private final SecureRandom random = new SecureRandom();

  SqlitePasswordManagement(SqlDatabase database, ResourceRows users) {
    this.database = database;
    this.users = users;
  }

  @Override
  public Set<PasswordFeature> features() {
    return FEATURES;
  }

  @Override
  public ResetOutcome reset(String userId, PasswordReset request) throws ScimException {
    ResetToken token = ResetToken.generate(random);
    Instant expires = Instant.now().truncatedTo(ChronoUnit.MILLIS)
        .plus(request.validFor() != null ? request.validFor() : DEFAULT_VALID_FOR);
    database.write(handle -> handle.createUpdate("INSERT INTO password_resets (resource_pk, "
            + "token_sha256, expires) VALUES (?, ?, ?) ON CONFLICT (resource_pk) DO UPDATE SET "
            + "token_sha256 = excluded.token_sha256, expires = excluded.expires")
        .bind(0, userPk(handle, userId)).bind(1, token.sha256()).bind(2, Timestamps.format(expires))
        .execute());
    return new ResetOutcome.TokenIssued(token.secret(), expires);
  }

  @Override
  public boolean withdrawReset(String userId, ResetOutcome.TokenIssued token) throws ScimException {
    database.write(handle -> handle.createUpdate(
            "DELETE FROM password_resets WHERE resource_pk = ? AND token_sha256 = ?")
        .bind(0, userPk(handle, userId)).bind(1, ResetToken.sha256(token.secret()))
        .execute());
    return true; // deleted now, or replaced or deleted before: either way it no longer works
  }

  @Override
  public void requirePasswordChange(String userId, boolean required) throws ScimException {
    database.write(handle -> handle.createUpdate(
            "UPDATE resources SET must_change_password = ? WHERE pk = ?")
        .bind(0, required ? 1 : 0).bind(1, userPk(handle, userId))
        .execute());
  }

  private long userPk(Handle handle, String userId) throws ResourceNotFoundException {
    return users.find(handle.getConnection(), userId)
        .orElseThrow(() -> new ResourceNotFoundException("No User has the id \"" + userId + "\"."))
        .pk();
  }
}
