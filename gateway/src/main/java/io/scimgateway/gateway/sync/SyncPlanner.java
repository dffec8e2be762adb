package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgateway.gateway.sync.SyncPlan.AttributeChange;
import io.scimgateway.gateway.sync.SyncPlan.ManagerChange;
import io.scimgateway.gateway.sync.SyncPlan.UserCreate;
import io.scimgateway.gateway.sync.SyncPlan.UserRemoval;
import io.scimgateway.gateway.sync.SyncPlan.UserUpdate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the export with the directory. Users are matched by the mapping's key; a user the directory
 * has with a key the export does not list is a leaver; users without a key are not sync's and are left
 * alone. Only attributes the mapping names are compared, so attributes others set survive.
 */
final class SyncPlanner {

  private final SyncMapping mapping;
  private final List<DesiredUser> users;
  private final ExportKeys keys;
  private final Map<String, Directory.User> byKey = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private Map<String, String> keysById;

  /**
   * @param users the rows to plan: all of them, or those that differ from the previous export
   * @param keys what the plan needs of every row
   */
  private SyncPlanner(SyncMapping mapping, List<DesiredUser> users, ExportKeys keys,
      Directory directory) {
    this.mapping = mapping;
    this.users = users;
    this.keys = keys;
    for (Directory.User user : directory.users()) {
      JsonNode key = mapping.key().path().read(user.attributes());
      if (key != null) {
        byKey.putIfAbsent(key.asText(), user);
      }
    }
  }

  static SyncPlan plan(SyncMapping mapping, List<DesiredUser> users, Directory directory) {
    return new SyncPlanner(mapping, users, ExportKeys.of(users), directory).plan(directory, null);
  }

  /**
   * The plan for the rows that differ from the previous export: {@code directory} holds only the
   * users of {@link ExportDelta#readKeys}, and only the departed keys can be leavers.
   */
  static SyncPlan plan(SyncMapping mapping, ExportDelta delta, Directory directory) {
    return new SyncPlanner(mapping, delta.changed(), delta.keys(), directory).plan(directory, delta);
  }

  private SyncPlan plan(Directory directory, ExportDelta delta) {
    List<UserCreate> creates = new ArrayList<>();
    List<UserUpdate> updates = new ArrayList<>();
    int unchanged = delta == null ? 0 : delta.same();
    for (DesiredUser user : users) {
      String managerKey = managerKey(user);
      Directory.User current = byKey.get(user.key());
      if (current == null) {
        creates.add(new UserCreate(user, ManagerKeys.UNKNOWN.equals(managerKey) ? null : managerKey));
        continue;
      }
      UserUpdate update = update(user, current, managerKey);
      if (update == null) {
        unchanged++;
      } else {
        updates.add(update);
      }
    }
    List<UserRemoval> removals = removals(delta == null ? null : delta.departed());
    MembershipPlan memberships = delta == null
        ? new MembershipPlanner(mapping, users, byKey, removals)
        : new DeltaMembershipPlanner(mapping, delta, byKey, removals);
    return new SyncPlan(memberships.groupCreates(directory), ManagerKeys.managersFirst(creates),
        updates, removals, memberships.changes(directory), unchanged,
        delta == null ? byKey.size() : delta.previousRows(), idsByKey(), warnings);
  }

  private Map<String, String> idsByKey() {
    Map<String, String> ids = new HashMap<>(byKey.size() * 2);
    byKey.forEach((key, user) -> ids.put(key, user.id()));
    return ids;
  }

  private UserUpdate update(DesiredUser user, Directory.User current, String managerKey) {
    List<AttributeChange> changes = new ArrayList<>();
    user.values().forEach((path, after) -> {
      JsonNode before = path.read(current.attributes());
      if (!same(before, after)) {
        changes.add(new AttributeChange(path, before, after,
            path.valueType() != null && path.hasTypedValue(current.attributes())));
      }
    });
    ManagerChange manager = managerChange(current, managerKey);
    return changes.isEmpty() && manager == null ? null
        : new UserUpdate(user, current.id(), changes, manager);
  }

  private ManagerChange managerChange(Directory.User current, String managerKey) {
    if (mapping.manager() == null || ManagerKeys.UNKNOWN.equals(managerKey)) {
      return null;
    }
    JsonNode before = AttributePath.field(AttributePath.field(
        current.attributes(), SyncMapping.ENTERPRISE), "manager");
    String beforeId = before == null ? null : before.path("value").asText(null);
    Directory.User manager = managerKey == null ? null : byKey.get(managerKey);
    boolean same = managerKey == null ? beforeId == null
        : manager != null && manager.id().equals(beforeId);
    return same ? null : new ManagerChange(beforeId == null ? null : keyById(beforeId), managerKey);
  }

  private String keyById(String id) {
    if (keysById == null) {
      keysById = new HashMap<>();
      byKey.forEach((key, user) -> keysById.put(user.id(), key));
    }
    return keysById.getOrDefault(id, "id " + id);
  }

  /** The manager's key; null for none; {@link ManagerKeys#UNKNOWN} when no row has the number. */
  private String managerKey(DesiredUser user) {
    if (user.managerNumber() == null) {
      return null;
    }
    String key = keys.keyOf(user.managerNumber());
    if (key == null) {
      warnings.add("line " + user.line() + " (" + user.key() + "): no row has employeeNumber \""
          + user.managerNumber() + "\", so the manager is left as it is.");
      return ManagerKeys.UNKNOWN;
    }
    return key;
  }

  /** Users the directory has and the export does not list; of {@code candidates} only, unless null. */
  private List<UserRemoval> removals(Set<String> candidates) {
    Set<String> listed = keys.listed();
    boolean delete = mapping.leavers() == SyncMapping.LeaverAction.DELETE;
    List<UserRemoval> removals = new ArrayList<>();
    byKey.forEach((key, user) -> {
      if (candidates != null && !candidates.contains(key)) {
        return;
      }
      JsonNode active = AttributePath.field(user.attributes(), "active");
      boolean inactive = active != null && active.isBoolean() && !active.booleanValue();
      if (!listed.contains(key) && (delete || !inactive)) {
        removals.add(new UserRemoval(key, user.id(), delete));
      }
    });
    removals.sort(Comparator.comparing(UserRemoval::key));
    return removals;
  }

  /** Whether the directory's value equals the export's; numbers by value, the rest by text. */
  static boolean same(JsonNode before, JsonNode after) {
    if (before == null || after == null) {
      return before == after;
    }
    if (after.isNumber()) {
      return before.isNumber() && before.decimalValue().compareTo(after.decimalValue()) == 0;
    }
    if (after.isBoolean()) {
      return before.isBoolean() && before.booleanValue() == after.booleanValue();
    }
    return before.isValueNode() && before.asText().equals(after.asText());
  }
}
