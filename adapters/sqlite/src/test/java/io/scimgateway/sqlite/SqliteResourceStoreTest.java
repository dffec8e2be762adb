package io.scimgateway.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.GroupMembership;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store on a real SQLite file: constraints, conditional writes, memberships, filters. */
class SqliteResourceStoreTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @TempDir
  Path data;

  private Backend backend;
  private ResourceStore users;
  private ResourceStore groups;

  @BeforeEach
  void open() {
    backend = new SqliteBackendProvider().open(
        new BackendContext(SchemaRegistry.load(), JSON.objectNode(), data));
    users = backend.store("User").orElseThrow();
    groups = backend.store("Group").orElseThrow();
  }

  @AfterEach
  void close() {
    backend.close();
  }

  @Test
  void userNameIsUniqueWithoutRegardToCase() throws ScimException {
    users.create(user("Alice@Example.com"));
    ResourceConflictException conflict =
        assertThrows(ResourceConflictException.class, () -> users.create(user("alice@example.COM")));
    assertEquals("uniqueness", conflict.getScimError().getScimType());
  }

  @Test
  void unfilteredTotalsFollowCreatesAndDeletesPerType() throws ScimException {
    StoredResource first = users.create(user("one@example.com"));
    users.create(user("two@example.com"));
    users.create(user("three@example.com"));
    users.delete(first.id(), null);
    assertEquals(2, users.search(new SearchQuery(null, 0, 0)).totalResults());
    assertEquals(0, groups.search(new SearchQuery(null, 0, 0)).totalResults());
    assertEquals(2, users.search(new SearchQuery(null, 0, 10)).resources().size());
  }

  @Test
  void passwordIsStoredHashedAndNeverReturned() throws ScimException {
    ObjectNode withPassword = user("bob@example.com").put("password", "hunter2-hunter2");
    StoredResource created = users.create(withPassword);
    assertTrue(created.attributes().path("password").isMissingNode());
    String stored = new SqliteDatabaseProbe(data).passwordHash(created.id());
    assertTrue(stored.startsWith("$argon2id$v=19$"), stored);
    assertTrue(new PasswordHasher().verify("hunter2-hunter2", stored));
  }

  @Test
  void replaceOfAStaleVersionIsRefused() throws ScimException {
    StoredResource created = users.create(user("carol@example.com"));
    users.replace(new ResourceChange(created, user("carol@example.com").put("displayName", "C")));
    assertThrows(PreconditionFailedException.class, () -> users.replace(
        new ResourceChange(created, user("carol@example.com").put("displayName", "Stale"))));
    assertEquals("C", users.get(created.id()).orElseThrow().attributes().path("displayName").asText());
  }

  @Test
  void aSearchThatNeedsNeitherGroupsNorMetaSkipsComputingGroups() throws ScimException {
    StoredResource frank = users.create(user("frank@example.com"));
    groups.create(group("Readers", frank.id()));
    NeededAttributes lean = NeededAttributes.allBut(Set.of("groups", "meta"));
    StoredResource found = users.search(new SearchQuery(null, null, new PageWindow.Offset(0, 10),
        lean)).resources().get(0);
    assertTrue(found.attributes().path("groups").isMissingNode(), found.attributes()::toString);
    StoredResource whole = users.search(new SearchQuery(null, 0, 10)).resources().get(0);
    assertEquals(1, whole.attributes().path("groups").size(), whole.attributes()::toString);
    StoredResource withMeta = users.search(new SearchQuery(null, null, new PageWindow.Offset(0, 10),
        NeededAttributes.allBut(Set.of("groups")))).resources().get(0);
    assertEquals(whole.version(), withMeta.version(), "the version needs the groups");
  }

  @Test
  void aGroupReadOrMemberChangeThatDoesNotReturnMembersSkipsThemAndKeepsTheVersion()
      throws ScimException {
    StoredResource gina = users.create(user("gina@example.com"));
    StoredResource hal = users.create(user("hal@example.com"));
    StoredResource team = groups.create(group("Team", gina.id()));
    NeededAttributes withoutMembers = NeededAttributes.allBut(Set.of("members"));
    StoredResource lean = groups.get(team.id(), withoutMembers).orElseThrow();
    assertTrue(lean.attributes().path("members").isMissingNode(), lean.attributes()::toString);
    assertEquals(team.version(), lean.version(), "the version does not need the members");

    GroupMembership membership = groups.capability(GroupMembership.class).orElseThrow();
    StoredResource changed = membership.changeMembers(team.id(), List.of(hal.id()), List.of(),
        team.version(), withoutMembers);
    assertTrue(changed.attributes().path("members").isMissingNode(), changed.attributes()::toString);
    StoredResource whole = groups.get(team.id()).orElseThrow();
    assertEquals(2, whole.attributes().path("members").size(), whole.attributes()::toString);
    assertEquals(whole.version(), changed.version());
    assertNotEquals(team.version(), changed.version());
  }

  @Test
  void nestedGroupsGiveIndirectMembershipAndCyclesEnd() throws ScimException {
    StoredResource dave = users.create(user("dave@example.com"));
    StoredResource inner = groups.create(group("Inner", dave.id()));
    StoredResource outer = groups.create(group("Outer", inner.id()));
    // Close a cycle: Inner contains Outer, which contains Inner.
    groups.replace(new ResourceChange(inner, group("Inner", dave.id(), outer.id())));

    List<String> types = users.get(dave.id()).orElseThrow().attributes().path("groups")
        .findValuesAsText("type");
    assertEquals(List.of("direct", "indirect"), types);
  }

  /**
   * A page reads its users' groups together (in queries padded to 10, 100 or 1,000 members, where a
   * read of one user asks about one); each user's groups and version come out as that read gives
   * them.
   */
  @Test
  void aPageGivesEachUserTheGroupsAndVersionThatReadingItAloneGives() throws ScimException {
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < 150; n++) {
      ids.add(users.create(user("member" + n + "@example.com")).id());
    }
    StoredResource inner = groups.create(group("Inner", ids.subList(0, 120).toArray(String[]::new)));
    StoredResource outer = groups.create(group("Outer", inner.id(), ids.get(3), ids.get(140)));
    // A cycle: Inner contains Outer, which contains Inner.
    groups.replace(new ResourceChange(inner, groupWith("Inner", ids.subList(0, 120), outer.id())));
    groups.create(group("Tail", ids.get(149)));

    for (int limit : new int[] {7, 60, 150}) {
      List<StoredResource> page = users.search(new SearchQuery(null, 0, limit)).resources();
      assertEquals(limit, page.size());
      for (StoredResource listed : page) {
        StoredResource alone = users.get(listed.id()).orElseThrow();
        assertEquals(alone.attributes().path("groups"), listed.attributes().path("groups"),
            listed.id());
        assertEquals(alone.version(), listed.version(), listed.id());
      }
    }
    StoredResource third = users.get(ids.get(3)).orElseThrow();
    assertEquals(List.of("direct", "direct"), third.attributes().path("groups").findValuesAsText("type"),
        "in Inner and in Outer directly");
    assertEquals(List.of("direct", "indirect"), users.get(ids.get(0)).orElseThrow().attributes()
        .path("groups").findValuesAsText("type"), "in Inner, and in Outer through it");
  }

  private static ObjectNode groupWith(String name, List<String> memberIds, String... more) {
    List<String> all = new ArrayList<>(memberIds);
    all.addAll(List.of(more));
    return group(name, all.toArray(String[]::new));
  }

  @Test
  void deletingAMemberChangesTheGroupsVersion() throws ScimException {
    StoredResource erin = users.create(user("erin@example.com"));
    StoredResource team = groups.create(group("Team", erin.id()));
    users.delete(erin.id(), null);
    StoredResource after = groups.get(team.id()).orElseThrow();
    assertNotEquals(team.version(), after.version());
    assertTrue(after.attributes().path("members").isMissingNode());
  }

  @Test
  void unknownMemberIsTheClientsError() {
    BadRequestException error = assertThrows(BadRequestException.class,
        () -> groups.create(group("Ghosts", "no-such-id")));
    assertEquals("invalidValue", error.getScimError().getScimType());
  }

  /** Members are resolved a thousand ids a query: one past a thousand resolves, and so does its error. */
  @Test
  void moreMembersThanOneQueryResolvesResolveAllAndNameTheUnknownOne() throws ScimException {
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < 1_005; n++) {
      ids.add(users.create(user("many" + n + "@example.com")).id());
    }
    List<String> withGhost = new ArrayList<>(ids);
    withGhost.add(1_003, "ghost-id");
    BadRequestException error = assertThrows(BadRequestException.class,
        () -> groups.create(groupWith("Crowd", withGhost)));
    assertTrue(error.getMessage().contains("\"ghost-id\""), error.getMessage());

    StoredResource crowd = groups.create(groupWith("Crowd", ids));
    Set<String> members = new HashSet<>(groups.get(crowd.id()).orElseThrow().attributes()
        .path("members").findValuesAsText("value"));
    assertEquals(new HashSet<>(ids), members);
  }

  @Test
  void filterValuesShapedLikeSqlAreJustValues() throws ScimException {
    users.create(user("frank@example.com"));
    users.create(user("100%_real\\user@example.com"));
    for (String value : List.of("x\\\" or 1=1 --", "%", "_", "\\\\", "'", "\\\"")) {
      long total = users.search(new SearchQuery(Filter.fromString("userName eq \"" + value + "\""), 0, 10))
          .totalResults();
      assertEquals(0, total, value);
    }
    assertEquals(1, users.search(new SearchQuery(Filter.fromString("userName co \"%_\""), 0, 10))
        .totalResults());
    assertEquals(0, users.search(new SearchQuery(Filter.fromString("userName sw \"%\""), 0, 10))
        .totalResults());
  }

  /**
   * Reads run on kept prepared statements; none of them may keep a read snapshot between reads, or a
   * later read would miss a write and the WAL could never be checkpointed.
   */
  @Test
  void keptStatementsSeeTheLatestWriteAndHoldNoSnapshot() throws ScimException {
    StoredResource gina = users.create(user("gina@example.com").put("displayName", "Before"));
    groups.create(group("Readers", gina.id()));
    Filter byName = Filter.fromString("userName eq \"gina@example.com\"");
    for (int i = 0; i < 20; i++) {
      users.search(new SearchQuery(byName, 0, 10));
      users.get(gina.id());
    }
    users.replace(new ResourceChange(users.get(gina.id()).orElseThrow(),
        user("gina@example.com").put("displayName", "After")));
    for (int i = 0; i < 20; i++) {
      assertEquals("After", users.search(new SearchQuery(byName, 0, 10)).resources().get(0)
          .attributes().path("displayName").asText());
      assertEquals("After", users.get(gina.id()).orElseThrow().attributes().path("displayName").asText());
    }
    assertTrue(new SqliteDatabaseProbe(data).walFullyCheckpointed(),
        "a reader connection still holds a read snapshot");
  }

  private static ObjectNode user(String userName) {
    ObjectNode user = JSON.objectNode();
    user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
    return user.put("userName", userName);
  }

  private static ObjectNode group(String name, String... memberIds) {
    ObjectNode group = JSON.objectNode();
    group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
    group.put("displayName", name);
    for (String id : memberIds) {
      group.withArray("members").addObject().put("value", id);
    }
    return group;
  }
}
