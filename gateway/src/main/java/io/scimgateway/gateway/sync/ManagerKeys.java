package io.scimgateway.gateway.sync;

import io.scimgateway.gateway.sync.SyncPlan.UserCreate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Manager references between joiners: creates ordered so that a manager exists before its reports. */
final class ManagerKeys {

  /** A manager number no row of the export has. */
  static final String UNKNOWN = "\u0000unknown";

  private ManagerKeys() {}

  /**
   * The creates ordered by depth in the manager tree among joiners (managers first), otherwise in
   * export order. A manager circle cannot be ordered; its reports get their manager afterwards.
   */
  static List<UserCreate> managersFirst(List<UserCreate> creates) {
    Map<String, UserCreate> byKey = new HashMap<>();
    creates.forEach(create -> byKey.put(create.user().key(), create));
    Map<String, Integer> depths = new HashMap<>();
    for (UserCreate create : creates) {
      depth(create, byKey, depths, new HashSet<>());
    }
    List<UserCreate> ordered = new ArrayList<>(creates);
    ordered.sort(Comparator.comparing(create -> depths.get(create.user().key())));
    return ordered;
  }

  private static int depth(UserCreate create, Map<String, UserCreate> byKey,
      Map<String, Integer> depths, Set<String> visiting) {
    String key = create.user().key();
    Integer known = depths.get(key);
    if (known != null) {
      return known;
    }
    UserCreate manager = create.managerKey() == null ? null : byKey.get(create.managerKey());
    int depth = 0;
    if (manager != null && visiting.add(key)) {
      depth = visiting.contains(manager.user().key()) ? 0 : depth(manager, byKey, depths, visiting) + 1;
    }
    depths.put(key, depth);
    return depth;
  }
}
