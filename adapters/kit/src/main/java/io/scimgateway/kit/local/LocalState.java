package io.scimgateway.kit.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.spi.AuditTrail;
import io.scimgateway.sqlitefile.AuditRows;
import io.scimgateway.sqlitefile.SchemaMigrations;
import io.scimgateway.sqlitefile.SqliteAuditTrail;
import io.scimgateway.sqlitefile.SqlDatabase;
import io.scimgateway.sqlitefile.SqliteDatabase;
import io.scimgateway.sqlitefile.SqliteSettings;
import io.scimgateway.sqlitefile.Statements;
import io.scimgateway.sqlitefile.Timestamps;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * What a remote platform cannot hold of the SCIM resources it serves ({@code externalId}, name
 * parts, extension attributes, roles, timestamps it lacks), kept by resource type and the platform's
 * id, so that what an identity provider writes it reads back: in a SQLite file of the adapter's own
 * (one writer, pooled readers, WAL, as for the embedded store), or on a database server that several
 * gateways in front of the same platform share ({@link LocalStateLocation}). Thread-safe.
 *
 * <pre>{@code
 * try (LocalState local = LocalState.open(dataDirectory.resolve("appwrite-local.db"))) {
 *   local.put("User", "64f1c2", extras, Instant.now());
 *   List<String> ids = local.idsWhere("User", "externalId", "00u1ab");
 * }
 * }</pre>
 */
public final class LocalState implements AutoCloseable {

  /** RFC 7643 section 2.1: ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA. */
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  /** The unique index on userName refused a row: named so by SQLite and by PostgreSQL. */
  private static final Pattern USER_NAME_INDEX = Pattern.compile("local_records[._]user_name");
  private static final String EXTERNAL_ID = "externalId";
  private static final String USER_NAME = "userName";
  private static final String COLUMNS = "platform_id, attributes, created, last_modified";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The file's schema; its scripts are in {@code local-state-migrations} beside this class. */
  private static final SchemaMigrations MIGRATIONS = new SchemaMigrations(LocalState.class,
      "local-state-migrations", List.of("V1__local_records.sql", "V2__user_names.sql",
          "V3__pending_writes.sql", AuditRows.MIGRATION, "V5__pending_write_owners.sql"));

  private final LocalDatabase database;
  private final LocalStateSql sql;
  private final PendingWrites pendingWrites;

  /** @param owner who this gateway is among those sharing the database, or null for a file */
  private LocalState(SqlDatabase database, LocalStateSql sql, String owner) {
    this.database = new LocalDatabase(database);
    this.sql = sql;
    this.pendingWrites = new PendingWrites(this.database, owner);
  }

  /** Opens the file, creating it and its parent directories if need be. */
  public static LocalState open(Path file) {
    return new LocalState(new SqliteDatabase(SqliteSettings.defaults(file), MIGRATIONS),
        LocalStateSql.SQLITE, null);
  }

  /**
   * Opens local state where the configuration puts it: its file, or the server of its type.
   *
   * @throws IllegalArgumentException if no server of the configured type is known
   */
  public static LocalState open(LocalStateLocation location) {
    if (location instanceof LocalStateLocation.File file) {
      return open(file.path());
    }
    LocalStateLocation.Server server = (LocalStateLocation.Server) location;
    for (LocalStateServer candidate : ServiceLoader.load(LocalStateServer.class,
        LocalState.class.getClassLoader())) {
      if (candidate.type().equals(server.type())) {
        return new LocalState(candidate.open(server.section()), candidate.sql(), server.owner());
      }
    }
    throw new IllegalArgumentException("backend.localState.type '" + server.type()
        + "' is not known: use sqlite or postgres");
  }

  /** The notes of writes begun on the platform and not yet kept here. */
  public PendingWrites pendingWrites() {
    return pendingWrites;
  }

  /** The audit trail of the platform's changes, kept here after each call succeeded. */
  public AuditTrail auditTrail() {
    return SqliteAuditTrail.afterChanges(database.database());
  }

  public Optional<LocalRecord> get(String resourceType, String platformId) {
    return database.lookup(connection -> Statements.query(connection, "SELECT " + COLUMNS
            + " FROM local_records WHERE resource_type = ? AND platform_id = ?",
        List.of(resourceType, platformId), LocalState::record).stream().findFirst());
  }

  /**
   * The records of a page of resources, by platform id; ids without one are absent. One query
   * however many ids: they travel as one JSON array, so no limit on parameters ever applies.
   */
  public Map<String, LocalRecord> getAll(String resourceType, Collection<String> platformIds) {
    if (platformIds.isEmpty()) {
      return Map.of();
    }
    ArrayNode ids = JSON.createArrayNode();
    platformIds.forEach(ids::add);
    List<LocalRecord> found = database.lookup(connection -> Statements.query(connection, "SELECT "
            + COLUMNS + " FROM local_records WHERE resource_type = ? AND " + sql.idIn(),
        List.of(resourceType, ids.toString()), LocalState::record));
    Map<String, LocalRecord> byId = new HashMap<>();
    found.forEach(record -> byId.put(record.platformId(), record));
    return byId;
  }

  /**
   * Stores the attributes in place of any stored before. {@code created} stays as the first put set
   * it; {@code lastModified} becomes {@code now}. A {@code userName} is unique per resource type
   * without regard to case.
   *
   * @return the record as stored
   * @throws UserNameTaken if another record of the type holds the same {@code userName}
   */
  public LocalRecord put(String resourceType, String platformId, ObjectNode attributes,
      Instant now) {
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(platformId, "platformId");
    String time = Timestamps.format(now);
    try {
      return database.write(handle -> handle.createQuery("INSERT INTO local_records "
              + "(resource_type, platform_id, attributes, external_id, user_name, created, "
              + "last_modified) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (resource_type, platform_id) "
              + "DO UPDATE SET attributes = excluded.attributes, external_id = excluded.external_id, "
              + "user_name = excluded.user_name, last_modified = excluded.last_modified RETURNING "
              + COLUMNS)
          .bind(0, resourceType).bind(1, platformId).bind(2, attributes.toString())
          .bind(3, text(attributes, EXTERNAL_ID)).bind(4, folded(text(attributes, USER_NAME)))
          .bind(5, time).bind(6, time)
          .map((rs, ctx) -> record(rs)).one());
    } catch (UnableToExecuteStatementException e) {
      if (USER_NAME_INDEX.matcher(String.valueOf(e.getMessage())).find()) {
        throw new UserNameTaken(text(attributes, USER_NAME), e);
      }
      throw e;
    }
  }

  /** Another record of the same type already holds this {@code userName}, in any case. */
  public static final class UserNameTaken extends RuntimeException {
    UserNameTaken(String userName, Throwable cause) {
      super("The userName " + userName + " is taken", cause);
    }
  }

  /**
   * The platform ids of the records whose {@code userName} equals {@code userName} without regard to
   * case (at most one, but for records written before the rule): looked up in an index.
   */
  public List<String> idsWithUserName(String resourceType, String userName) {
    return platformIds("SELECT platform_id FROM local_records WHERE resource_type = ? "
        + "AND user_name = ? ORDER BY platform_id", resourceType, folded(userName));
  }

  /** Forgets the resource's record; nothing happens if it has none. */
  public void delete(String resourceType, String platformId) {
    database.write(handle -> handle.createUpdate(
            "DELETE FROM local_records WHERE resource_type = ? AND platform_id = ?")
        .bind(0, resourceType).bind(1, platformId).execute());
  }

  /**
   * The platform ids, in order, whose stored top-level string attribute equals {@code value}
   * exactly, case included ({@code externalId} is caseExact, RFC 7643 section 3.1). {@code
   * externalId} is looked up in an index; other attributes in every record of the type.
   *
   * @throws IllegalArgumentException if {@code attribute} is not a SCIM attribute name
   */
  public List<String> idsWhere(String resourceType, String attribute, String value) {
    return platformIds(idsWhereSql(attribute), resourceType, value);
  }

  /**
   * The platform ids, in order, whose stored top-level array {@code attribute} holds the string
   * {@code value} (a group's nested groups, say). Reads every record of the type.
   *
   * @throws IllegalArgumentException if {@code attribute} is not a SCIM attribute name
   */
  public List<String> idsContaining(String resourceType, String attribute, String value) {
    return platformIds("SELECT platform_id FROM local_records WHERE resource_type = ? AND "
        + sql.arrayHolds(checked(attribute)) + " ORDER BY platform_id", resourceType, value);
  }

  /**
   * The query {@link #idsWhere} runs: {@code externalId} from its indexed column, any other
   * attribute from the JSON, its name written into the path (which its syntax makes safe).
   */
  String idsWhereSql(String attribute) {
    String matches = checked(attribute).equals(EXTERNAL_ID) ? "external_id = ?"
        : sql.textEquals(attribute);
    return "SELECT platform_id FROM local_records WHERE resource_type = ? AND " + matches
        + " ORDER BY platform_id";
  }

  private static String checked(String attribute) {
    if (!ATTRIBUTE_NAME.matcher(attribute).matches()) {
      throw new IllegalArgumentException("Not a SCIM attribute name: '" + attribute + "'");
    }
    return attribute;
  }

  private List<String> platformIds(String query, String resourceType, String value) {
    return database.lookup(connection -> Statements.query(connection, query,
        Arrays.asList(resourceType, value), row -> row.getString(1)));
  }

  @Override
  public void close() {
    database.close();
  }

  /** The value of an indexed column: the attribute when it is a string. */
  private static String text(ObjectNode attributes, String name) {
    JsonNode value = attributes.get(name);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  /** Folded as the gateway compares userNames ({@code toLowerCase(Locale.ROOT)}). */
  private static String folded(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static LocalRecord record(ResultSet rs) throws SQLException {
    String platformId = rs.getString("platform_id");
    try {
      return new LocalRecord(platformId, (ObjectNode) JSON.readTree(rs.getString("attributes")),
          Instant.parse(rs.getString("created")), Instant.parse(rs.getString("last_modified")));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("The local record of " + platformId + " is not JSON", e);
    }
  }
}
