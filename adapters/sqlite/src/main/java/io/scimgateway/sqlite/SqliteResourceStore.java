package io.scimgateway.sqlite;

import io.scimgateway.sqlitefile.SqlDatabase;
import io.scimgateway.sqlitefile.StoreFailure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.GroupMembership;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.Sorting;
import io.scimgateway.spi.StoredResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The resources of one type in the store. Every write is one transaction (on SQLite, on the single
 * writer connection): the row, its password hash and its memberships commit together or not at all.
 * Versions are checked by conditional updates and uniqueness by unique indexes, so several gateways
 * on one server database keep them too. Thread-safe.
 */
final class SqliteResourceStore implements ResourceStore {

  private final SqlDatabase database;
  private final SqlDialect dialect;
  private final String resourceType;
  private final AttributeLocator locator;
  private final SqlFilterCompiler compiler;
  private final ResourceRows rows;
  private final DerivedAttributes derived;
  private final Memberships memberships;
  private final PasswordHasher passwords;
  private final Optional<PasswordManagement> passwordManagement;

  SqliteResourceStore(SqlDatabase database, SqlDialect dialect, AttributeLocator locator,
      DerivedAttributes derived, Memberships memberships, PasswordHasher passwords) {
    this.database = database;
    this.dialect = dialect;
    this.resourceType = locator.resourceType().getName();
    this.locator = locator;
    this.compiler = new SqlFilterCompiler(locator, dialect);
    this.rows = new ResourceRows(resourceType, dialect, derived.presence());
    this.derived = derived;
    this.memberships = memberships;
    this.passwords = passwords;
    this.passwordManagement = resourceType.equals("User")
        ? Optional.of(new SqlitePasswordManagement(database, rows)) : Optional.empty();
  }

  @Override
  public Optional<StoredResource> get(String id) throws ScimException {
    return get(id, NeededAttributes.ALL);
  }

  /**
   * Skips the derived attributes where the read does not use them and the version does not hold them
   * (a group's members, for a read that excludes them): a single read's ETag is always the whole
   * resource's.
   */
  @Override
  public Optional<StoredResource> get(String id, NeededAttributes needed) throws ScimException {
    boolean withDerived = derived.inVersion() || derived.neededBy(needed);
    return database.lookup(connection -> rows.lookUp(connection, id)
        .map(keyed -> toStored(connection, keyed.row(), withDerived && keyed.mayHaveDerived())));
  }

  /**
   * Inserts the row and answers from what was written: only a group's members (whose display names
   * live in other rows) are read back.
   */
  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    ObjectNode stored = attributes.deepCopy();
    String passwordHash = hashPassword(stored);
    JsonNode taken = derived.take(stored);
    String id = UUID.randomUUID().toString();
    Instant now = now();
    String json = storable(json(stored));
    IndexedColumns columns = IndexedColumns.of(stored);
    return write(handle -> {
      long pk = rows.insert(handle.getConnection(), id, json, columns, passwordHash, now);
      JsonNode computed = null;
      if (taken != null) {
        derived.write(handle, pk, taken);
        computed = derived.read(handle.getConnection(), pk, stored);
      }
      return new StoredResource(id, stored, now, now, version(1, computed));
    }, stored);
  }

  /**
   * Updates the row if its version is still the one read, and answers from what was written. Derived
   * attributes are rewritten (and read back) only when the change touches them: a PATCH of a large
   * group's displayName neither reads nor rewrites its members, and a user's computed groups are those
   * read with the version the change was made against.
   */
  @Override
  public StoredResource replace(ResourceChange change) throws ScimException {
    ObjectNode stored = change.after().deepCopy();
    String passwordHash = hashPassword(stored);
    JsonNode taken = derived.take(stored);
    StoredResource before = change.before();
    long expected = ResourceVersion.rowVersion(before.version());
    Instant now = now();
    String json = storable(json(stored));
    IndexedColumns columns = IndexedColumns.of(stored);
    boolean derivedChanged = derived.changes(before.attributes(), taken);
    boolean renamed = !Objects.equals(columns.memberDisplay(),
        IndexedColumns.of(before.attributes()).memberDisplay());
    return write(handle -> {
      if (!rows.updateIfVersion(handle.getConnection(), change.id(), expected, json, columns,
          passwordHash, now)) {
        existing(handle, change.id());
        throw versionChanged(change.id());
      }
      long pk = renamed || derivedChanged ? existing(handle, change.id()).pk() : -1;
      if (renamed) {
        // The groups it is in show its new name: their versions move on (see ResourceVersion).
        memberships.touchGroupsOf(handle, pk, now);
      }
      JsonNode computed;
      if (derivedChanged) {
        derived.write(handle, pk, taken);
        computed = derived.read(handle.getConnection(), pk, stored);
      } else {
        computed = derived.keep(before.attributes(), stored);
      }
      return new StoredResource(change.id(), stored, before.created(), now,
          version(expected + 1, computed));
    }, stored);
  }

  @Override
  public void delete(String id, String expectedVersion) throws ScimException {
    write(handle -> {
      ResourceRow row = existing(handle, id);
      if (expectedVersion != null && ResourceVersion.rowVersion(expectedVersion) != row.version()) {
        throw versionChanged(id);
      }
      memberships.touchGroupsOf(handle, row.pk(), now());
      rows.delete(handle, row.pk());
      return null;
    }, null);
  }

  @Override
  public SearchPage search(SearchQuery query) throws ScimException {
    SqlFragment where = compiler.compile(query.filter());
    SortKey key = query.sorting() == null ? SortKey.NONE
        : SortKey.of(locator, dialect, query.sorting()).orElseThrow(() -> new IllegalStateException(
            "The gateway asked to sort by " + query.sorting().attribute() + ", which is not sortable"));
    Keyset keyset = new Keyset(key, query.sorting() != null && query.sorting().descending(),
        dialect);
    SqlDatabase.ReadWork<SearchPage> read = connection -> {
      if (query.window().limit() == 0) {
        return new SearchPage(List.of(), rows.count(connection, where));
      }
      List<ResourceRows.KeyedRow> found;
      boolean fromFirst;
      if (query.window() instanceof PageWindow.Offset offset) {
        found = rows.page(connection, where, keyset, key, offset.offset(), offset.limit());
        fromFirst = offset.offset() == 0;
      } else if (query.window() instanceof PageWindow.After after) {
        found = rows.beyond(connection, where, keyset, key, after.position(), false, after.limit());
        fromFirst = after.position() == null;
      } else {
        PageWindow.Before before = (PageWindow.Before) query.window();
        found = rows.beyond(connection, where, keyset, key, before.position(), true, before.limit());
        fromFirst = false;
      }
      // A first page shorter than the limit is everything: the total needs no second query. This
      // halves the work of the lookups identity providers make before every write.
      long total = fromFirst && found.size() < query.window().limit()
          ? found.size() : rows.count(connection, where);
      List<StoredResource> page = new ArrayList<>();
      List<String> positions = new ArrayList<>();
      boolean withDerived = derived.neededBy(query.needed());
      Map<Long, ObjectNode> parsed = new HashMap<>();
      Map<Long, ObjectNode> needingDerived = new HashMap<>();
      for (ResourceRows.KeyedRow keyed : found) {
        ObjectNode attributes = parse(keyed.row().attributes());
        parsed.put(keyed.row().pk(), attributes);
        if (withDerived && keyed.mayHaveDerived()) {
          needingDerived.put(keyed.row().pk(), attributes);
        }
      }
      Map<Long, JsonNode> computed = needingDerived.isEmpty() ? Map.of()
          : derived.readAll(connection, needingDerived);
      for (ResourceRows.KeyedRow keyed : found) {
        ResourceRow row = keyed.row();
        page.add(stored(row, parsed.get(row.pk()), computed.get(row.pk())));
        positions.add(keyed.position());
      }
      return new SearchPage(page, total,
          query.window() instanceof PageWindow.Offset ? List.of() : positions);
    };
    // A first page may well be the whole answer in one statement (a lookup by userName).
    return firstPage(query.window()) ? database.lookup(read) : database.read(read);
  }

  private static boolean firstPage(PageWindow window) {
    return window.limit() > 0 && (window instanceof PageWindow.Offset offset && offset.offset() == 0
        || window instanceof PageWindow.After after && after.position() == null);
  }

  @Override
  public FilterSupport filterSupport() {
    return (attribute, operator) -> compiler.supports(attribute)
        ? FilterSupport.Support.EXACT
        : FilterSupport.Support.NONE;
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    if (type == GroupMembership.class && resourceType.equals("Group")) {
      GroupMembership membership = new GroupMembership() {
        @Override
        public StoredResource changeMembers(String groupId, Collection<String> add,
            Collection<String> remove, String expectedVersion) throws ScimException {
          return changeMembers(groupId, add, remove, expectedVersion, NeededAttributes.ALL);
        }

        @Override
        public StoredResource changeMembers(String groupId, Collection<String> add,
            Collection<String> remove, String expectedVersion, NeededAttributes answered)
            throws ScimException {
          return SqliteResourceStore.this.changeMembers(groupId, add, remove, expectedVersion,
              answered);
        }
      };
      return Optional.of(type.cast(membership));
    }
    if (type == PasswordManagement.class) {
      return passwordManagement.map(type::cast);
    }
    return Optional.empty();
  }

  private StoredResource changeMembers(String groupId, Collection<String> add,
      Collection<String> remove, String expectedVersion, NeededAttributes answered)
      throws ScimException {
    return write(handle -> {
      ResourceRow row = existing(handle, groupId);
      if (expectedVersion != null && ResourceVersion.rowVersion(expectedVersion) != row.version()) {
        throw versionChanged(groupId);
      }
      List<Long> adding = new ArrayList<>();
      for (Memberships.Party party : memberships.resolve(handle, add).values()) {
        if (party.pk() == row.pk()) {
          throw BadRequestException.invalidValue(
              "members: a group cannot be a member of itself.");
        }
        adding.add(party.pk());
      }
      List<Long> removing = new ArrayList<>();
      for (Memberships.Party party : memberships.resolveKnown(handle, remove).values()) {
        removing.add(party.pk());
      }
      memberships.changeMembers(handle, row.pk(), adding, removing);
      memberships.touchGroup(handle, row.pk(), now());
      return toStored(handle.getConnection(),
          rows.find(handle.getConnection(), groupId).orElseThrow(), derived.neededBy(answered));
    }, null);
  }

  @Override
  public boolean canSort(Path attribute) {
    return SortKey.of(locator, dialect, new Sorting(attribute, false)).isPresent();
  }

  @Override
  public boolean supportsPositions() {
    return true;
  }

  private ResourceRow existing(Handle handle, String id) throws ResourceNotFoundException {
    return rows.find(handle.getConnection(), id).orElseThrow(() -> new ResourceNotFoundException(
        "No " + resourceType + " has the id \"" + id + "\"."));
  }

  private String version(long rowVersion, JsonNode computed) {
    return ResourceVersion.of(rowVersion, derived.inVersion() ? computed : null);
  }

  private StoredResource toStored(Connection connection, ResourceRow row) {
    return toStored(connection, row, true);
  }

  private StoredResource toStored(Connection connection, ResourceRow row, boolean mayHaveDerived) {
    ObjectNode attributes = parse(row.attributes());
    JsonNode computed = mayHaveDerived ? derived.read(connection, row.pk(), attributes) : null;
    return stored(row, attributes, computed);
  }

  /** A row as the store answers it, with its derived attributes already read into it. */
  private StoredResource stored(ResourceRow row, ObjectNode attributes, JsonNode computed) {
    return new StoredResource(row.id(), attributes, row.created(), row.lastModified(),
        version(row.version(), computed));
  }

  /**
   * Runs a write (on SQLite, in the next group commit), turning unique index refusals into SCIM
   * errors; returns once the write is durable.
   */
  private <T> T write(WriteCallback<T> callback, ObjectNode attributes) throws ScimException {
    try {
      return database.write(callback::apply);
    } catch (UnableToExecuteStatementException | StoreFailure e) {
      if (dialect.isUniqueViolation(e) && attributes != null) {
        String unique = attributes.hasNonNull("userName") ? "userName" : "displayName";
        if (attributes.hasNonNull(unique)) {
          throw ResourceConflictException.uniqueness("A " + resourceType + " with the " + unique
              + " \"" + attributes.get(unique).asText() + "\" already exists; " + unique
              + " is unique, compared without regard to case.");
        }
      }
      throw e;
    }
  }

  private String hashPassword(ObjectNode attributes) {
    JsonNode password = attributes.remove("password");
    return password == null || password.isNull() ? null : passwords.hash(password.asText());
  }

  /** The JSON, if the database can store all of its text: PostgreSQL's text cannot hold NUL. */
  private String storable(String json) throws BadRequestException {
    if (!dialect.storesNul() && json.contains("\\u0000")) {
      throw BadRequestException.invalidValue("A value holds the character NUL (\\u0000), which "
          + "this store's database cannot keep. Remove it and send the request again.");
    }
    return json;
  }

  private static PreconditionFailedException versionChanged(String id) {
    return new PreconditionFailedException("The resource \"" + id + "\" was changed by another "
        + "request since it was read. Read it again and retry.");
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String json(ObjectNode attributes) {
    try {
      return JsonUtils.getObjectWriter().writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode parse(byte[] json) {
    try {
      return (ObjectNode) JsonUtils.getObjectReader().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface WriteCallback<T> {
    T apply(Handle handle) throws ScimException;
  }
}
