package io.scimgateway.gateway.sync;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a plan needs of every row of the export, whether the row is planned or not: the keys it
 * lists (everyone else sync manages is a leaver), the key of each employeeNumber (which manager
 * columns name), and the groups its rows name (the groups sync manages).
 */
final class ExportKeys {

  private final Set<String> listed = new HashSet<>();
  private final Map<String, String> keysByEmployeeNumber = new HashMap<>();
  private final Set<String> groups = new HashSet<>();
  /** Rows with the same groups cell share one set (see RowMapper): each is added once. */
  private final Set<Set<String>> groupSetsAdded = Collections.newSetFromMap(new IdentityHashMap<>());

  static ExportKeys of(List<DesiredUser> users) {
    ExportKeys keys = new ExportKeys();
    users.forEach(user -> keys.add(user.key(), user.employeeNumber(), user.groups()));
    return keys;
  }

  /** Counts one row in; the first row with an employeeNumber keeps it. */
  void add(String key, String employeeNumber, Set<String> rowGroups) {
    listed.add(key);
    if (employeeNumber != null) {
      keysByEmployeeNumber.putIfAbsent(employeeNumber, key);
    }
    if (rowGroups != null && groupSetsAdded.add(rowGroups)) {
      groups.addAll(rowGroups);
    }
  }

  Set<String> listed() {
    return listed;
  }

  /** Every group some row names. */
  Set<String> groups() {
    return groups;
  }

  /** The key of the row whose employeeNumber a manager column names, or null. */
  String keyOf(String employeeNumber) {
    return employeeNumber == null ? null : keysByEmployeeNumber.get(employeeNumber);
  }
}
