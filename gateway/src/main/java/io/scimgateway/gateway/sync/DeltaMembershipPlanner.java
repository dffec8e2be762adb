package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Group memberships in a run with a previous export, planned from the changed users' own
 * {@code groups} as the directory returns them, so that no group's members are read. As in a full
 * run, the groups sync manages are those the export names: a changed row's user joins the groups its
 * row names and leaves the managed groups it no longer names, and a departed user (unless deleted)
 * leaves every managed group. Only direct memberships count.
 */
final class DeltaMembershipPlanner implements MembershipPlan {

  private final boolean mapped;
  private final Set<String> managed = new HashSet<>();
  private final ExportDelta delta;
  private final Map<String, Directory.User> byKey;
  private final Set<String> deleted = new HashSet<>();

  DeltaMembershipPlanner(SyncMapping mapping, ExportDelta delta, Map<String, Directory.User> byKey,
      List<UserRemoval> removals) {
    this.mapped = mapping.groups() != null;
    this.delta = delta;
    this.byKey = byKey;
    if (mapped) {
      managed.addAll(delta.keys().groups());
    }
    removals.stream().filter(UserRemoval::delete).forEach(removal -> deleted.add(removal.id()));
  }

  @Override
  public List<GroupCreate> groupCreates(Directory directory) {
    Map<String, Directory.Group> existing = directory.groupsByName();
    List<GroupCreate> creates = new ArrayList<>();
    if (mapped) {
      delta.groupNames().stream().filter(name -> !existing.containsKey(name))
          .forEach(name -> creates.add(new GroupCreate(name)));
    }
    return creates;
  }

  @Override
  public List<MemberChange> changes(Directory directory) {
    if (!mapped) {
      return List.of();
    }
    Map<String, String> groupIds = new HashMap<>();
    directory.groupsByName().forEach((name, group) -> groupIds.put(name, group.id()));
    Map<String, List<String>> adds = new LinkedHashMap<>();
    Map<String, List<Member>> removes = new LinkedHashMap<>();
    for (DesiredUser user : delta.changed()) {
      Directory.User current = byKey.get(user.key());
      Map<String, String> direct = current == null ? Map.of() : directGroups(current);
      user.groups().stream().filter(name -> !direct.containsKey(name))
          .forEach(name -> adds.computeIfAbsent(name, n -> new ArrayList<>()).add(user.key()));
      direct.forEach((name, id) -> {
        if (managed.contains(name) && !user.groups().contains(name)) {
          removes.computeIfAbsent(name, n -> new ArrayList<>()).add(new Member(current.id(), user.key()));
          groupIds.putIfAbsent(name, id);
        }
      });
    }
    for (String key : delta.departed()) {
      Directory.User current = byKey.get(key);
      if (current == null || deleted.contains(current.id())) {
        continue;
      }
      directGroups(current).forEach((name, id) -> {
        if (managed.contains(name)) {
          removes.computeIfAbsent(name, n -> new ArrayList<>()).add(new Member(current.id(), key));
          groupIds.putIfAbsent(name, id);
        }
      });
    }
    Set<String> names = new LinkedHashSet<>(adds.keySet());
    names.addAll(removes.keySet());
    List<MemberChange> changes = new ArrayList<>();
    for (String name : names) {
      changes.add(new MemberChange(name, groupIds.get(name), adds.getOrDefault(name, List.of()),
          removes.getOrDefault(name, List.of())));
    }
    return changes;
  }

  /** The displayNames and ids of the groups the user is a direct member of. */
  private static Map<String, String> directGroups(Directory.User user) {
    Map<String, String> direct = new HashMap<>();
    for (JsonNode group : user.attributes().path("groups")) {
      String type = group.path("type").asText("direct");
      String name = group.path("display").asText(null);
      if (type.equals("direct") && name != null) {
        direct.putIfAbsent(name, group.path("value").asText());
      }
    }
    return direct;
  }
}
