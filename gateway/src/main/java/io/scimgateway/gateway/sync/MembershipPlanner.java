package io.scimgateway.gateway.sync;

import io.scimgateway.gateway.sync.SyncPlan.GroupCreate;
import io.scimgateway.gateway.sync.SyncPlan.Member;
import io.scimgateway.gateway.sync.SyncPlan.MemberChange;
import io.scimgateway.gateway.sync.SyncPlan.UserRemoval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group memberships from the groups column. The groups sync manages are those the export names; in
 * them, the users sync manages (those with a key) are members exactly when their row lists the group,
 * so a leaver leaves them too. Other members, and other groups, are left alone. Groups are found by
 * displayName and created when missing.
 */
final class MembershipPlanner implements MembershipPlan {

  private final Map<String, Set<String>> desired = new LinkedHashMap<>();
  private final Map<String, Directory.User> byKey;
  private final Map<String, String> keyById = new HashMap<>();
  private final Set<String> deleted = new HashSet<>();

  MembershipPlanner(SyncMapping mapping, List<DesiredUser> users, Map<String, Directory.User> byKey,
      List<UserRemoval> removals) {
    this.byKey = byKey;
    if (mapping.groups() != null) {
      for (DesiredUser user : users) {
        user.groups().forEach(name -> desired.computeIfAbsent(name, n -> new LinkedHashSet<>())
            .add(user.key()));
      }
    }
    byKey.forEach((key, user) -> keyById.put(user.id(), key));
    removals.stream().filter(UserRemoval::delete).forEach(removal -> deleted.add(removal.id()));
  }

  @Override
  public List<GroupCreate> groupCreates(Directory directory) {
    Map<String, Directory.Group> existing = directory.groupsByName();
    List<GroupCreate> creates = new ArrayList<>();
    desired.keySet().stream().filter(name -> !existing.containsKey(name))
        .forEach(name -> creates.add(new GroupCreate(name)));
    return creates;
  }

  @Override
  public List<MemberChange> changes(Directory directory) {
    Map<String, Directory.Group> existing = directory.groupsByName();
    List<MemberChange> changes = new ArrayList<>();
    desired.forEach((name, keys) -> {
      Directory.Group group = existing.get(name);
      Set<String> members = group == null ? Set.of() : group.memberIds();
      List<String> adds = new ArrayList<>();
      for (String key : keys) {
        Directory.User user = byKey.get(key);
        if (user == null || !members.contains(user.id())) {
          adds.add(key);
        }
      }
      List<Member> removes = new ArrayList<>();
      for (String id : members) {
        String key = keyById.get(id);
        if (key != null && !keys.contains(key) && !deleted.contains(id)) {
          removes.add(new Member(id, key));
        }
      }
      if (!adds.isEmpty() || !removes.isEmpty()) {
        changes.add(new MemberChange(name, group == null ? null : group.id(), adds, removes));
      }
    });
    return changes;
  }
}
