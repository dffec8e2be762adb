package io.scimgateway.sqlite;

import io.scimgateway.sqlitefile.Statements;
import io.scimgateway.sqlitefile.Timestamps;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The {@code memberships} table: direct group memberships by primary key. Writes touch only the rows
 * that change, so adding one member to a group of 50,000 is one insert.
 */
final class Memberships {

  /** True for a {@code resources} row that is a member of some group (a user with groups). */
  static final String ANY_GROUP =
      "EXISTS (SELECT 1 FROM memberships WHERE member_pk = resources.pk)";

  /** True for a {@code resources} row that has members (a group that is not empty). */
  static final String ANY_MEMBER =
      "EXISTS (SELECT 1 FROM memberships WHERE group_pk = resources.pk)";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /**
   * How many values one query of {@link #groupsOfAll} or {@link #resolveKnown} asks about: one for
   * a read of one resource (as cheap as an equality), a page's worth at most.
   */
  private static final List<Integer> QUERY_SIZES = List.of(1, 10, 100, 1000);

  private final SqlDialect dialect;

  Memberships(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /** A resource a membership names: its key, id, type and the name shown for it. */
  record Party(long pk, String id, String resourceType, String display) {
  }

  /** Resolves SCIM ids to rows; an id that names no User or Group is the client's error. */
  Map<String, Party> resolve(Handle handle, Collection<String> ids) throws BadRequestException {
    Map<String, Party> found = resolveKnown(handle, ids);
    for (String id : ids) {
      if (!found.containsKey(id)) {
        throw BadRequestException.invalidValue("members: no User or Group has the id \"" + id
            + "\". Create it first, or remove it from the request.");
      }
    }
    return found;
  }

  /**
   * Resolves the ids that name a resource, a thousand a query; the others (already deleted, say)
   * are skipped.
   */
  Map<String, Party> resolveKnown(Handle handle, Collection<String> ids) {
    Map<String, Party> found = new HashMap<>();
    // No stored id holds NUL, and SQLite refuses to compare one.
    List<String> searchable = ids.stream()
        .filter(id -> dialect.storesNul() || id.indexOf('\0') < 0).distinct().toList();
    inPaddedChunks(searchable, (marks, chunk) -> Statements.query(handle.getConnection(),
        "SELECT pk, id, resource_type, coalesce(display_name, user_name) FROM resources"
            + " WHERE id IN (" + marks + ")", chunk,
        rs -> found.put(rs.getString(2),
            new Party(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))));
    return found;
  }

  /** Makes the group's direct members exactly {@code memberPks}, inserting and deleting the difference. */
  void replaceMembers(Handle handle, long groupPk, Set<Long> memberPks) {
    Set<Long> current = new HashSet<>(handle.createQuery(
            "SELECT member_pk FROM memberships WHERE group_pk = ?")
        .bind(0, groupPk).mapTo(Long.class).list());
    Set<Long> added = new HashSet<>(memberPks);
    added.removeAll(current);
    current.removeAll(memberPks);
    batch(handle, "INSERT INTO memberships (group_pk, member_pk) VALUES (?, ?)", groupPk, added);
    batch(handle, "DELETE FROM memberships WHERE group_pk = ? AND member_pk = ?", groupPk, current);
  }

  /** Adds and removes single memberships; ones already there (or already gone) are left alone. */
  void changeMembers(Handle handle, long groupPk, Collection<Long> add, Collection<Long> remove) {
    batch(handle, "INSERT INTO memberships (group_pk, member_pk) VALUES (?, ?) "
        + "ON CONFLICT DO NOTHING", groupPk, add);
    batch(handle, "DELETE FROM memberships WHERE group_pk = ? AND member_pk = ?", groupPk, remove);
  }

  /** Marks a group as changed: its version and lastModified move on. */
  void touchGroup(Handle handle, long groupPk, Instant now) {
    handle.createUpdate("UPDATE resources SET version = version + 1, last_modified = ? WHERE pk = ?")
        .bind(0, Timestamps.format(now)).bind(1, groupPk).execute();
  }

  /** The group's direct members as SCIM {@code members} values. */
  ArrayNode members(Connection connection, long groupPk) {
    ArrayNode members = JSON.arrayNode();
    members.addAll(Statements.query(connection, "SELECT r.id, r.resource_type, "
            + "coalesce(r.display_name, r.user_name) AS display "
            + "FROM memberships m " + dialect.orderedJoin() + " resources r ON r.pk = m.member_pk "
            + "WHERE m.group_pk = ? ORDER BY m.member_pk", List.of(groupPk),
        rs -> value(rs.getString(1), rs.getString(3), rs.getString(2))));
    return members;
  }

  /** The groups a resource belongs to, as {@link #groupsOfAll} gives them; empty for none. */
  ArrayNode groupsOf(Connection connection, long memberPk) {
    return groupsOfAll(connection, List.of(memberPk)).getOrDefault(memberPk, JSON.arrayNode());
  }

  /**
   * The groups each of several resources belongs to, directly or through nested groups, as SCIM
   * {@code groups} values ordered by the group's pk, by member pk; a member in no group is absent.
   * One query for up to 1,000 members. {@code UNION} (not {@code UNION ALL}) stops the walk on
   * cycles. The ordered join (SQLite's {@code CROSS JOIN}) keeps the few ancestors as the outer loop:
   * left to itself, SQLite 3.50 scans every resource in pk order to avoid sorting (14 ms per user at
   * 100,000 users instead of microseconds).
   */
  Map<Long, ArrayNode> groupsOfAll(Connection connection, Collection<Long> memberPks) {
    Map<Long, ArrayNode> groups = new HashMap<>();
    inPaddedChunks(memberPks, (marks, some) -> Statements.query(connection,
        "WITH RECURSIVE ancestors(member_pk, pk) AS ("
            + " SELECT member_pk, group_pk FROM memberships WHERE member_pk IN (" + marks + ")"
            + " UNION SELECT a.member_pk, m.group_pk FROM memberships m"
            + " JOIN ancestors a ON m.member_pk = a.pk)"
            + " SELECT a.member_pk, r.id, r.display_name,"
            + " EXISTS (SELECT 1 FROM memberships d WHERE d.member_pk = a.member_pk"
            + " AND d.group_pk = r.pk) AS direct FROM ancestors a " + dialect.orderedJoin()
            + " resources r ON r.pk = a.pk WHERE r.pk <> a.member_pk"
            + " ORDER BY a.member_pk, r.pk", some,
        rs -> groups.computeIfAbsent(rs.getLong(1), pk -> JSON.arrayNode())
            .add(value(rs.getString(2), rs.getString(3), rs.getBoolean(4) ? "direct" : "indirect"))));
    return groups;
  }

  /**
   * Calls {@code query} with the values in chunks of at most a thousand, each padded to 1, 10, 100
   * or 1,000 values, and its placeholders: a few statement shapes only, so that the kept statements
   * stay few. The padding repeats a value, which changes no {@code IN} list.
   */
  private static void inPaddedChunks(Collection<?> values, BiConsumer<String, List<Object>> query) {
    List<?> all = List.copyOf(values);
    int largest = QUERY_SIZES.get(QUERY_SIZES.size() - 1);
    for (int from = 0; from < all.size(); from += largest) {
      List<Object> some = new ArrayList<>(all.subList(from, Math.min(all.size(), from + largest)));
      int size = QUERY_SIZES.stream().filter(n -> n >= some.size()).findFirst().orElseThrow();
      while (some.size() < size) {
        some.add(some.get(0));
      }
      query.accept(String.join(", ", Collections.nCopies(size, "?")), some);
    }
  }

  /** Marks every group that directly contains the resource as changed, before the resource goes. */
  void touchGroupsOf(Handle handle, long memberPk, Instant now) {
    handle.createUpdate("UPDATE resources SET version = version + 1, last_modified = ? "
            + "WHERE pk IN (SELECT group_pk FROM memberships WHERE member_pk = ?)")
        .bind(0, Timestamps.format(now)).bind(1, memberPk).execute();
  }

  private static ObjectNode value(String id, String display, String type) {
    ObjectNode node = JSON.objectNode().put("value", id);
    if (display != null) {
      node.put("display", display);
    }
    return node.put("type", type);
  }

  private static void batch(Handle handle, String sql, long groupPk, Collection<Long> memberPks) {
    if (memberPks.isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch(sql);
    for (long memberPk : List.copyOf(memberPks)) {
      batch.bind(0, groupPk).bind(1, memberPk).add();
    }
    batch.execute();
  }
}
