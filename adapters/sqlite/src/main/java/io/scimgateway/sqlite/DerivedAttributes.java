package io.scimgateway.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.scimgateway.spi.NeededAttributes;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The attributes of a resource type that live in the membership table rather than in its JSON: a
 * group's {@code members} (written and read) and a user's {@code groups} (read only, computed).
 */
interface DerivedAttributes {

  /** Removes the derived attributes from {@code attributes} and returns them, before the JSON is stored. */
  JsonNode take(ObjectNode attributes);

  /** Writes what {@link #take} removed for the row {@code pk}. */
  void write(Handle handle, long pk, JsonNode taken) throws BadRequestException;

  /**
   * Whether writing {@code taken} would change what {@code before} (as read) holds. When it would not,
   * a replace neither rewrites nor reads them again.
   */
  default boolean changes(ObjectNode before, JsonNode taken) {
    return false;
  }

  /**
   * Copies the derived attributes of {@code before} (as read) into {@code attributes}, for an answer
   * to a write that left them alone; returns them, or null.
   */
  JsonNode keep(ObjectNode before, ObjectNode attributes);

  /**
   * Whether a read that uses {@code needed} must read the derived attributes: when it uses them, or
   * {@code meta}, since the version is computed from them too.
   */
  default boolean neededBy(NeededAttributes needed) {
    return true;
  }

  /**
   * Whether the version holds a digest of the derived attributes: where they change without a write to
   * the resource's own row (a user's {@code groups}). A group's row is written whenever its members,
   * or their names, change; its row version says it all, so a read without {@code members} (and so
   * any write that answers without them) never reads a large group's members.
   */
  default boolean inVersion() {
    return true;
  }

  /** Adds the derived attributes of the row {@code pk} to {@code attributes}; returns them, or null. */
  JsonNode read(Connection connection, long pk, ObjectNode attributes);

  /**
   * {@link #read} for the rows of a page, by pk: returns what each has (absent where it has none).
   * One row at a time unless the kind reads them together.
   */
  default Map<Long, JsonNode> readAll(Connection connection, Map<Long, ObjectNode> attributesByPk) {
    Map<Long, JsonNode> read = new HashMap<>();
    attributesByPk.forEach((pk, attributes) -> {
      JsonNode derived = read(connection, pk, attributes);
      if (derived != null) {
        read.put(pk, derived);
      }
    });
    return read;
  }

  /**
   * A condition on the {@code resources} row being selected, true where the row may have derived
   * attributes: read with the row itself, so that {@link #read} runs only where there is something
   * to read, and a lookup of a row with none takes one statement.
   */
  default String presence() {
    return "1 = 1";
  }

  /** A user's {@code groups}: computed from memberships, never written. */
  static DerivedAttributes userGroups(Memberships memberships) {
    return new DerivedAttributes() {
      @Override
      public JsonNode take(ObjectNode attributes) {
        return attributes.remove("groups");
      }

      @Override
      public JsonNode keep(ObjectNode before, ObjectNode attributes) {
        return copy(before, attributes, "groups");
      }

      @Override
      public void write(Handle handle, long pk, JsonNode taken) {
      }

      @Override
      public String presence() {
        return Memberships.ANY_GROUP;
      }

      @Override
      public boolean neededBy(NeededAttributes needed) {
        return needed.includes("groups") || needed.includes("meta");
      }

      @Override
      public JsonNode read(Connection connection, long pk, ObjectNode attributes) {
        ArrayNode groups = memberships.groupsOf(connection, pk);
        if (groups.isEmpty()) {
          return null;
        }
        attributes.set("groups", groups);
        return groups;
      }

      /** A page's users' groups in one query: listing 1,000 users is not 1,000 queries. */
      @Override
      public Map<Long, JsonNode> readAll(Connection connection,
          Map<Long, ObjectNode> attributesByPk) {
        Map<Long, JsonNode> read = new HashMap<>();
        memberships.groupsOfAll(connection, attributesByPk.keySet()).forEach((pk, groups) -> {
          attributesByPk.get(pk).set("groups", groups);
          read.put(pk, groups);
        });
        return read;
      }
    };
  }

  /** A group's {@code members}: one membership row each. */
  static DerivedAttributes groupMembers(Memberships memberships) {
    return new DerivedAttributes() {
      @Override
      public JsonNode take(ObjectNode attributes) {
        return attributes.remove("members");
      }

      @Override
      public boolean changes(ObjectNode before, JsonNode taken) {
        try {
          return !new HashSet<>(memberIds(taken)).equals(new HashSet<>(memberIds(before.get("members"))));
        } catch (BadRequestException invalid) {
          return true; // written, so that the write reports it
        }
      }

      @Override
      public JsonNode keep(ObjectNode before, ObjectNode attributes) {
        return copy(before, attributes, "members");
      }

      @Override
      public void write(Handle handle, long pk, JsonNode members) throws BadRequestException {
        List<String> ids = memberIds(members);
        Map<String, Memberships.Party> parties = memberships.resolve(handle, ids);
        Set<Long> pks = new LinkedHashSet<>();
        for (Memberships.Party party : parties.values()) {
          if (party.pk() == pk) {
            throw BadRequestException.invalidValue("members: a group cannot be a member of itself.");
          }
          pks.add(party.pk());
        }
        memberships.replaceMembers(handle, pk, pks);
      }

      @Override
      public String presence() {
        return Memberships.ANY_MEMBER;
      }

      @Override
      public boolean inVersion() {
        return false;
      }

      @Override
      public boolean neededBy(NeededAttributes needed) {
        return needed.includes("members");
      }

      @Override
      public JsonNode read(Connection connection, long pk, ObjectNode attributes) {
        ArrayNode members = memberships.members(connection, pk);
        if (members.isEmpty()) {
          return null;
        }
        attributes.set("members", members);
        return members;
      }
    };
  }

  private static JsonNode copy(ObjectNode from, ObjectNode to, String attribute) {
    JsonNode values = from.get(attribute);
    if (values == null || values.isEmpty()) {
      return null;
    }
    to.set(attribute, values.deepCopy());
    return values;
  }

  private static List<String> memberIds(JsonNode members) throws BadRequestException {
    List<String> ids = new ArrayList<>();
    if (members == null || members.isNull()) {
      return ids;
    }
    for (JsonNode member : members) {
      JsonNode value = member.get("value");
      if (value == null || !value.isTextual() || value.textValue().isBlank()) {
        throw BadRequestException.invalidValue(
            "members: every member needs a \"value\" holding the id of a User or Group.");
      }
      ids.add(value.textValue());
    }
    return ids;
  }

  /** For resource types with nothing derived. */
  DerivedAttributes NONE = new DerivedAttributes() {
    @Override
    public JsonNode take(ObjectNode attributes) {
      return null;
    }

    @Override
    public JsonNode keep(ObjectNode before, ObjectNode attributes) {
      return null;
    }

    @Override
    public void write(Handle handle, long pk, JsonNode taken) {
    }

    @Override
    public String presence() {
      return "1 = 0";
    }

    @Override
    public JsonNode read(Connection connection, long pk, ObjectNode attributes) {
      return null;
    }
  };
}
