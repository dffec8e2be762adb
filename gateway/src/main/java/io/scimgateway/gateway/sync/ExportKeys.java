package io.scimgateway.gateway.sync;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a plan needs of every row of the export, whether the row is planned or not: the keys it
 * lists (everyone else sync manages is a leaver), the key of each employeeNumber (which manager
 * columns name), and the groups its rows name (the groups sync manages).
 */
record ExportKeys(Set<String> listed, Map<String, String> keysByEmployeeNumber, Set<String> groups) {

  ExportKeys() {
    this(new HashSet<>(), new HashMap<>(), new HashSet<>());
  }

  static ExportKeys of(List<DesiredUser> users) {
    ExportKeys keys = new ExportKeys();
    users.forEach(user -> keys.add(user.key(), user.employeeNumber(), user.groups()));
    return keys;
  }

  /** Counts one row in; the first row with an employeeNumber keeps it. */
  void add(String key, String employeeNumber, Set<String> groups) {
    listed.add(key);
    if (employeeNumber != null) {
      keysByEmployeeNumber.putIfAbsent(employeeNumber, key);
    }
    if (groups != null) {
      this.groups.addAll(groups);
    }
  }

  /** The key of the row whose employeeNumber a manager column names, or null. */
  String keyOf(String employeeNumber) {
    return employeeNumber == null ? null : keysByEmployeeNumber.get(employeeNumber);
  }
}
