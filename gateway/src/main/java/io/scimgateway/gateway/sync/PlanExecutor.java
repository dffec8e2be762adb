package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.gateway.sync.SyncPlan.GroupCreate;
import io.scimgateway.gateway.sync.SyncPlan.Member;
import io.scimgateway.gateway.sync.SyncPlan.MemberChange;
import io.scimgateway.gateway.sync.SyncPlan.UserCreate;
import io.scimgateway.gateway.sync.SyncPlan.UserRemoval;
import io.scimgateway.gateway.sync.SyncPlan.UserUpdate;
import io.scimgateway.gateway.sync.WriteBatch.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a plan's writes, phase by phase (groups, joiners, movers, leavers, late managers, memberships),
 * each phase's batches sent before the next phase starts. Joiners' ids are learnt from the answers; a
 * manager created in the same batch is referred to by bulkId. A failed write is recorded with its row
 * and the rest go on. Not thread-safe: one per run.
 */
final class PlanExecutor {

  private final SyncOutcome outcome = new SyncOutcome();
  private final WriteBatch batch;
  private final Map<String, String> ids;
  private final Map<String, String> groupIds = new HashMap<>();
  private final List<UserCreate> lateManagers = new ArrayList<>();
  private final int membersPerPatch;

  private PlanExecutor(SyncTarget target, Progress progress, SyncPlan plan, int batchSize) {
    this.batch = new WriteBatch(target, outcome, progress, batchSize);
    this.membersPerPatch = target.membersPerWrite();
    this.ids = new HashMap<>(plan.idsByKey());
  }

  /** Runs the plan in batches of at most {@code batchSize} writes. */
  static SyncOutcome run(SyncPlan plan, SyncTarget target, Progress progress, int batchSize)
      throws TargetUnavailableException {
    PlanExecutor executor = new PlanExecutor(target, progress, plan, batchSize);
    executor.execute(plan);
    return executor.outcome;
  }

  private void execute(SyncPlan plan) throws TargetUnavailableException {
    for (GroupCreate group : plan.groupCreates()) {
      batch.addCreate(null, "/Groups", WriteBodies.group(group.displayName()), new Origin(0,
          "group \"" + group.displayName() + "\"", "create", result -> {
            groupIds.put(group.displayName(), result.id());
            outcome.groupsCreated++;
          }));
    }
    batch.flush();
    for (UserCreate create : plan.creates()) {
      create(create);
    }
    batch.flush();
    for (UserUpdate update : plan.updates()) {
      update(update);
    }
    for (UserRemoval removal : plan.removals()) {
      remove(removal);
    }
    batch.flush();
    for (UserCreate create : lateManagers) {
      lateManager(create);
    }
    batch.flush();
    for (MemberChange change : plan.memberChanges()) {
      members(change);
    }
    batch.flush();
  }

  private void create(UserCreate create) throws TargetUnavailableException {
    DesiredUser user = create.user();
    ObjectNode body = WriteBodies.user(user, managerRef(create));
    if (!batch.fits(body)) {
      batch.flush(); // the manager may have been in that batch: refer to it by id now
      body = WriteBodies.user(user, managerRef(create));
    }
    if (create.managerKey() != null && managerRef(create) == null) {
      lateManagers.add(create); // its manager comes later (a circle of managers) or failed
    }
    batch.addCreate(user.key(), "/Users", body, new Origin(user.line(), user.key(), "create",
        result -> {
          ids.put(user.key(), result.id());
          outcome.created++;
        }));
  }

  /** The manager's id, or the bulkId of its create in this batch, or null when neither exists yet. */
  private String managerRef(UserCreate create) {
    if (create.managerKey() == null) {
      return null;
    }
    String id = ids.get(create.managerKey());
    String bulkId = batch.bulkIdOf(create.managerKey());
    return id != null ? id : bulkId == null ? null : "bulkId:" + bulkId;
  }

  private void update(UserUpdate update) throws TargetUnavailableException {
    DesiredUser user = update.user();
    ArrayNode operations = WriteBodies.changes(update.changes());
    if (update.manager() != null) {
      String managerKey = update.manager().afterKey();
      String managerId = managerKey == null ? null : ids.get(managerKey);
      if (managerKey != null && managerId == null) {
        outcome.failures.add(new Failure(user.line(), user.key(), "set manager " + managerKey,
            "the manager's own create failed"));
      } else {
        operations.add(WriteBodies.managerOperation(managerId));
      }
    }
    if (!operations.isEmpty()) {
      batch.add(new TargetWrite("PATCH", "/Users/" + update.id(), null, WriteBodies.patch(operations)),
          new Origin(user.line(), user.key(), "update", result -> outcome.updated++));
    }
  }

  private void remove(UserRemoval removal) throws TargetUnavailableException {
    String path = "/Users/" + removal.id();
    if (removal.delete()) {
      batch.add(new TargetWrite("DELETE", path, null, null),
          new Origin(0, leaver(removal), "delete", result -> outcome.deleted++));
    } else {
      batch.add(new TargetWrite("PATCH", path, null, WriteBodies.deactivate()),
          new Origin(0, leaver(removal), "deactivate", result -> outcome.deactivated++));
    }
  }

  private static String leaver(UserRemoval removal) {
    return removal.key() + " (not in the export)";
  }

  private void lateManager(UserCreate create) throws TargetUnavailableException {
    DesiredUser user = create.user();
    String id = ids.get(user.key());
    String managerId = ids.get(create.managerKey());
    if (id == null) {
      return; // its create failed, and says so already
    }
    if (managerId == null) {
      outcome.failures.add(new Failure(user.line(), user.key(), "set manager " + create.managerKey(),
          "the manager's own create failed"));
      return;
    }
    ArrayNode operations = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
        .add(WriteBodies.managerOperation(managerId));
    batch.add(new TargetWrite("PATCH", "/Users/" + id, null, WriteBodies.patch(operations)),
        new Origin(user.line(), user.key(), "set manager", result -> { }));
  }

  private void members(MemberChange change) throws TargetUnavailableException {
    String groupId = change.groupId() != null ? change.groupId() : groupIds.get(change.displayName());
    if (groupId == null) {
      return; // the group's create failed, and says so already
    }
    List<String> adds = new ArrayList<>();
    change.addKeys().stream().map(ids::get).filter(id -> id != null).forEach(adds::add);
    List<String> removes = change.removes().stream().map(Member::id).toList();
    String group = "group \"" + change.displayName() + "\"";
    for (int from = 0; from < adds.size(); from += membersPerPatch) {
      batch.add(new TargetWrite("PATCH", "/Groups/" + groupId, null, WriteBodies.addMembers(
          adds.subList(from, Math.min(adds.size(), from + membersPerPatch)))),
          new Origin(0, group, "add members", result -> outcome.membershipWrites++));
    }
    for (int from = 0; from < removes.size(); from += membersPerPatch) {
      batch.add(new TargetWrite("PATCH", "/Groups/" + groupId, null, WriteBodies.removeMembers(
          removes.subList(from, Math.min(removes.size(), from + membersPerPatch)))),
          new Origin(0, group, "remove members", result -> outcome.membershipWrites++));
    }
  }
}
