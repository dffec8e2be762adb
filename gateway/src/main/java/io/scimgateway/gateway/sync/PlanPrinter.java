package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgateway.gateway.sync.SyncPlan.AttributeChange;
import io.scimgateway.gateway.sync.SyncPlan.GroupCreate;
import io.scimgateway.gateway.sync.SyncPlan.MemberChange;
import io.scimgateway.gateway.sync.SyncPlan.UserCreate;
import io.scimgateway.gateway.sync.SyncPlan.UserRemoval;
import io.scimgateway.gateway.sync.SyncPlan.UserUpdate;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plan as people read it: the counts, then (for a dry run) every change with its diff. */
final class PlanPrinter {

  private PlanPrinter() {}

  static void counts(SyncPlan plan, PrintStream out) {
    long deletes = plan.removals().stream().filter(UserRemoval::delete).count();
    out.printf("Plan: %,d to create, %,d to update, %,d to deactivate, %,d to delete, %,d unchanged; "
        + "%,d groups to create, %,d groups whose members change%n", plan.creates().size(),
        plan.updates().size(), plan.removals().size() - deletes, deletes, plan.unchanged(),
        plan.groupCreates().size(), plan.memberChanges().size());
    plan.warnings().forEach(warning -> out.println("warning: " + warning));
  }

  static void changes(SyncPlan plan, PrintStream out) {
    for (GroupCreate group : plan.groupCreates()) {
      out.println("+ group \"" + group.displayName() + "\"");
    }
    for (UserCreate create : plan.creates()) {
      List<String> values = new ArrayList<>();
      create.user().values().forEach((path, value) -> {
        if (value != null) {
          values.add(path + "=" + value);
        }
      });
      if (create.managerKey() != null) {
        values.add("manager=" + create.managerKey());
      }
      out.println("+ " + label(create.user()) + " " + String.join(", ", values));
    }
    for (UserUpdate update : plan.updates()) {
      List<String> diffs = new ArrayList<>();
      for (AttributeChange change : update.changes()) {
        diffs.add(change.path() + ": " + shown(change.before()) + " -> " + shown(change.after()));
      }
      if (update.manager() != null) {
        diffs.add("manager: " + (update.manager().before() == null ? "none"
            : update.manager().before()) + " -> " + (update.manager().afterKey() == null
            ? "none" : update.manager().afterKey()));
      }
      out.println("~ " + label(update.user()) + " " + String.join("; ", diffs));
    }
    for (UserRemoval removal : plan.removals()) {
      out.println("- " + removal.key() + " (not in the export) " + (removal.delete() ? "delete"
          : "deactivate"));
    }
    for (MemberChange change : plan.memberChanges()) {
      out.println("~ group \"" + change.displayName() + "\" add " + change.addKeys() + " remove "
          + change.removes().stream().map(SyncPlan.Member::key).toList());
    }
  }

  private static String label(DesiredUser user) {
    return user.key() + " (line " + user.line() + ")";
  }

  private static String shown(JsonNode value) {
    return value == null ? "none" : value.toString();
  }
}
