package io.scimgateway.sqlite;

import io.scimgateway.sqlitefile.Timestamps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.PasswordFeature;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.PasswordReset;
import io.scimgateway.spi.ResetOutcome.TokenIssued;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.StoredResource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password resets and "must change" on a real SQLite file: what is stored, replaced and removed. */
class SqlitePasswordManagementTest {

  @TempDir
  Path data;

  private Backend backend;
  private ResourceStore users;
  private PasswordManagement passwords;
  private SqliteDatabaseProbe probe;

  @BeforeEach
  void open() {
    backend = new SqliteBackendProvider().open(new BackendContext(SchemaRegistry.load(),
        JsonNodeFactory.instance.objectNode(), data));
    users = backend.store("User").orElseThrow();
    passwords = users.capability(PasswordManagement.class).orElseThrow();
    probe = new SqliteDatabaseProbe(data);
  }

  @AfterEach
  void close() {
    backend.close();
  }

  @Test
  void onlyUsersHavePasswordsAndTheFeaturesAreResetExpiryAndMustChange() {
    assertTrue(backend.store("Group").orElseThrow().capability(PasswordManagement.class).isEmpty());
    assertEquals(Set.of(PasswordFeature.RESET, PasswordFeature.RESET_EXPIRY,
        PasswordFeature.MUST_CHANGE), passwords.features());
  }

  @Test
  void aResetIssuesAUrlSafeTokenAndStoresOnlyItsHashAndExpiry() throws ScimException {
    StoredResource user = users.create(user("ada@example.com"));
    Instant before = Instant.now();
    TokenIssued token = (TokenIssued) passwords.reset(user.id(),
        new PasswordReset(null, Duration.ofMinutes(10)));

    assertTrue(token.secret().matches("[A-Za-z0-9_-]{43}"), token.secret());
    assertTrue(!token.expires().isBefore(before.plus(Duration.ofMinutes(10)).minusSeconds(1))
        && token.expires().isBefore(Instant.now().plus(Duration.ofMinutes(10)).plusSeconds(1)),
        token.expires().toString());
    assertEquals(ResetToken.sha256(token.secret()) + " " + Timestamps.format(token.expires()),
        probe.passwordReset(user.id()));
    assertEquals(user.version(), users.get(user.id()).orElseThrow().version());
  }

  @Test
  void aNewResetReplacesTheOldTokenAndTheDefaultExpiryIsAnHour() throws ScimException {
    StoredResource user = users.create(user("bea@example.com"));
    TokenIssued first = (TokenIssued) passwords.reset(user.id(), new PasswordReset(null, null));
    TokenIssued second = (TokenIssued) passwords.reset(user.id(), new PasswordReset(null, null));

    assertNotEquals(first.secret(), second.secret());
    assertTrue(probe.passwordReset(user.id()).startsWith(ResetToken.sha256(second.secret())));
    assertEquals("1", probe.passwordResetCount());
    Duration validFor = Duration.between(Instant.now(), second.expires());
    assertTrue(validFor.compareTo(Duration.ofMinutes(59)) > 0
        && validFor.compareTo(Duration.ofMinutes(61)) < 0, validFor.toString());
  }

  @Test
  void withdrawingRemovesOnlyThatToken() throws ScimException {
    StoredResource user = users.create(user("cy@example.com"));
    TokenIssued old = (TokenIssued) passwords.reset(user.id(), new PasswordReset(null, null));
    TokenIssued current = (TokenIssued) passwords.reset(user.id(), new PasswordReset(null, null));

    passwords.withdrawReset(user.id(), old);
    assertTrue(probe.passwordReset(user.id()).startsWith(ResetToken.sha256(current.secret())));
    passwords.withdrawReset(user.id(), current);
    assertNull(probe.passwordReset(user.id()));
  }

  @Test
  void deletingTheUserRemovesItsToken() throws ScimException {
    StoredResource user = users.create(user("dee@example.com"));
    passwords.reset(user.id(), new PasswordReset(null, null));
    users.delete(user.id(), null);
    assertEquals("0", probe.passwordResetCount());
  }

  @Test
  void mustChangeIsAStoredFlagThatLeavesTheVersionAlone() throws ScimException {
    StoredResource user = users.create(user("eve@example.com"));
    assertEquals("0", probe.mustChangePassword(user.id()));
    passwords.requirePasswordChange(user.id(), true);
    assertEquals("1", probe.mustChangePassword(user.id()));
    passwords.requirePasswordChange(user.id(), false);
    assertEquals("0", probe.mustChangePassword(user.id()));
    assertEquals(user.version(), users.get(user.id()).orElseThrow().version());
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertThrows(ResourceNotFoundException.class,
        () -> passwords.reset("no-such-id", new PasswordReset(null, null)));
    assertThrows(ResourceNotFoundException.class,
        () -> passwords.requirePasswordChange("no-such-id", true));
  }

  private static ObjectNode user(String userName) {
    ObjectNode user = JsonNodeFactory.instance.objectNode();
    user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
    return user.put("userName", userName);
  }
}
