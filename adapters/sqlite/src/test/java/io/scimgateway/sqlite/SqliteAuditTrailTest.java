package io.scimgateway.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.AuditEvent;
import io.scimgateway.spi.AuditQuery;
import io.scimgateway.spi.AuditTrail;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.spi.WriteBatching;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's audit trail: one unit of work with the change, read back, pruned. */
class SqliteAuditTrailTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, null, 0,
      100);

  @TempDir
  Path data;

  private Backend backend;
  private ResourceStore users;
  private AuditTrail trail;

  @BeforeEach
  void open() {
    backend = new SqliteBackendProvider().open(
        new BackendContext(SchemaRegistry.load(), JSON.objectNode(), data));
    users = backend.store("User").orElseThrow();
    trail = backend.capability(AuditTrail.class).orElseThrow();
  }

  @AfterEach
  void close() {
    backend.close();
  }

  @Test
  void theEventCommitsWithItsChange() throws ScimException {
    StoredResource created = trail.recorded(() -> users.create(user("ada@example.com")),
        result -> event(result.id(), Instant.now()));
    AuditEvent read = trail.find(ALL).events().get(0);
    assertEquals(created.id(), read.resourceId());
    assertEquals(1, trail.find(ALL).total());
  }

  @Test
  void aFailedChangeLeavesNoEventAndAFailedEventLeavesNoChange() throws ScimException {
    users.create(user("taken@example.com"));
    assertThrows(ResourceConflictException.class, () -> trail.recorded(
        () -> users.create(user("TAKEN@example.com")), result -> event(result.id(), Instant.now())));
    assertEquals(0, trail.find(ALL).total());

    assertThrows(NullPointerException.class, () -> trail.recorded(
        () -> users.create(user("lost@example.com")), result -> event(null, null)));
    assertEquals(0, trail.find(ALL).total());
    assertEquals(1, users.search(new io.scimgateway.spi.SearchQuery(null, 0, 10)).totalResults(),
        "the user whose event failed is rolled back with it");
  }

  @Test
  void eventsInsideABatchRollBackOneByOne() throws ScimException {
    WriteBatching batching = backend.capability(WriteBatching.class).orElseThrow();
    batching.inOneBatch(() -> {
      trail.recorded(() -> users.create(user("one@example.com")), r -> event(r.id(), Instant.now()));
      assertThrows(ResourceConflictException.class, () -> trail.recorded(
          () -> users.create(user("ONE@example.com")), r -> event(r.id(), Instant.now())));
      return null;
    });
    assertEquals(1, trail.find(ALL).total());
  }

  @Test
  void pruningDeletesTheOldestInBatches() throws ScimException {
    Instant now = Instant.now();
    for (int i = 0; i < 10; i++) {
      AuditEvent old = event("r" + i, now.minus(Duration.ofDays(10 - i)));
      trail.recorded(() -> null, ignored -> old);
    }
    assertEquals(3, trail.prune(now.minus(Duration.ofDays(6)).plusSeconds(1), null, 3));
    assertEquals(2, trail.prune(now.minus(Duration.ofDays(6)).plusSeconds(1), null, 3));
    assertEquals(5, trail.find(ALL).total());
    assertEquals(1, trail.prune(null, 4L, 100));
    assertEquals("r9", trail.find(ALL).events().get(0).resourceId(), "newest first");
    assertEquals("r6", trail.find(ALL).events().get(3).resourceId());
    AuditQuery lastTwoDays = new AuditQuery(now.minus(Duration.ofDays(2)), null, null, null, null,
        null, null, 0, 100);
    assertEquals(2, trail.find(lastTwoDays).total());
  }

  private static AuditEvent event(String resourceId, Instant time) {
    return new AuditEvent(UUID.randomUUID().toString(), time, "tester", null, "127.0.0.1", "r-1",
        "POST", "User", resourceId, null, JSON.arrayNode(), "success");
  }

  private static ObjectNode user(String userName) {
    ObjectNode user = JSON.objectNode();
    user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
    return user.put("userName", userName);
  }
}
