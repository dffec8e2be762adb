package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between the previous export and this one: the rows that are new or changed, and the
 * keys the previous export listed and this one does not. A row counts as changed when any mapped
 * value, its groups, or the key of its manager differs; the rest are taken to match the directory
 * already, as the previous run left it.
 *
 * @param changed this export's rows that are new or differ from the previous export's
 * @param departed keys of the previous export that this one does not list
 * @param same rows equal in both exports, not read or compared
 * @param previousRows the previous export's rows: the users sync managed, for the leaver limit
 * @param readKeys the keys whose users the run reads: changed, departed, and the managers of the
 *     changed rows
 * @param groupNames the groups the changed rows name
 */
record ExportDelta(List<DesiredUser> changed, Set<String> departed, int same, int previousRows,
    Set<String> readKeys, Set<String> groupNames) {

  static ExportDelta between(List<DesiredUser> previous, List<DesiredUser> current) {
    Map<String, DesiredUser> before = byKey(previous);
    Map<String, String> keysBefore = keysByEmployeeNumber(previous);
    Map<String, String> keysNow = keysByEmployeeNumber(current);
    List<DesiredUser> changed = new ArrayList<>();
    Set<String> readKeys = new LinkedHashSet<>();
    Set<String> groupNames = new LinkedHashSet<>();
    for (DesiredUser user : current) {
      DesiredUser was = before.get(user.key());
      if (was != null && sameRow(was, user)
          && Objects.equals(manager(was, keysBefore), manager(user, keysNow))) {
        continue;
      }
      changed.add(user);
      readKeys.add(user.key());
      String manager = manager(user, keysNow);
      if (manager != null) {
        readKeys.add(manager);
      }
      if (user.groups() != null) {
        groupNames.addAll(user.groups());
      }
    }
    Set<String> listed = new HashSet<>(current.size() * 2);
    current.forEach(user -> listed.add(user.key()));
    Set<String> departed = new LinkedHashSet<>();
    before.keySet().stream().filter(key -> !listed.contains(key)).forEach(departed::add);
    readKeys.addAll(departed);
    return new ExportDelta(changed, departed, current.size() - changed.size(), previous.size(),
        readKeys, groupNames);
  }

  private static boolean sameRow(DesiredUser before, DesiredUser now) {
    return sameValues(before.values(), now.values())
        && Objects.equals(before.employeeNumber(), now.employeeNumber())
        && Objects.equals(before.managerNumber(), now.managerNumber())
        && Objects.equals(before.groups(), now.groups());
  }

  /**
   * Whether two rows' mapped values are equal. Both were mapped in the mapping's order with the
   * mapping's own paths, so the entries are compared side by side, without hashing a path.
   */
  private static boolean sameValues(Map<AttributePath, JsonNode> before,
      Map<AttributePath, JsonNode> now) {
    if (before.size() != now.size()) {
      return false;
    }
    Iterator<Map.Entry<AttributePath, JsonNode>> others = now.entrySet().iterator();
    for (Map.Entry<AttributePath, JsonNode> entry : before.entrySet()) {
      Map.Entry<AttributePath, JsonNode> other = others.next();
      if (entry.getKey() != other.getKey() && !entry.getKey().equals(other.getKey())
          || !Objects.equals(entry.getValue(), other.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** The key of the row whose employeeNumber the user's manager column names, or null. */
  private static String manager(DesiredUser user, Map<String, String> keysByNumber) {
    return user.managerNumber() == null ? null : keysByNumber.get(user.managerNumber());
  }

  private static Map<String, DesiredUser> byKey(List<DesiredUser> users) {
    Map<String, DesiredUser> byKey = new HashMap<>(users.size() * 2);
    users.forEach(user -> byKey.putIfAbsent(user.key(), user));
    return byKey;
  }

  static Map<String, String> keysByEmployeeNumber(List<DesiredUser> users) {
    Map<String, String> keys = new HashMap<>();
    for (DesiredUser user : users) {
      if (user.employeeNumber() != null) {
        keys.putIfAbsent(user.employeeNumber(), user.key());
      }
    }
    return keys;
  }
}
