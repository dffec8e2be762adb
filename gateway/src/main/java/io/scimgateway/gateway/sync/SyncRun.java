package io.scimgateway.gateway.sync;

import java.io.PrintStream;

/** One run after the input is read: read the directory, plan, check the leaver limit, write, report. */
final class SyncRun {

  private final SyncInput input;
  private final SyncTarget target;
  private final PrintStream out;
  private final PrintStream err;
  private final Integer batchSize;

  SyncRun(SyncInput input, SyncTarget target, PrintStream out, PrintStream err, Integer batchSize) {
    this.input = input;
    this.target = target;
    this.out = out;
    this.err = err;
    this.batchSize = batchSize;
  }

  int run(boolean dryRun, boolean allowMassLeavers, long started) throws TargetUnavailableException {
    SyncPlan plan = plan();
    PlanPrinter.counts(plan, out);
    boolean refused = !allowMassLeavers && tooManyLeavers(plan);
    if (dryRun) {
      PlanPrinter.changes(plan, out);
      out.println("Dry run: nothing was written.");
      return refused ? SyncCommand.REFUSED : SyncCommand.OK;
    }
    if (refused) {
      return SyncCommand.REFUSED;
    }
    Progress progress = Progress.to(err, plan.writes(target.membersPerWrite()),
        System.console() != null);
    SyncOutcome outcome = PlanExecutor.run(plan, target, progress,
        batchSize == null ? target.batchSize() : Math.max(1, Math.min(batchSize, target.batchSize())));
    progress.finish();
    outcome.failures.forEach(failure -> err.println("failed: " + failure));
    out.printf("Done in %.1f s: %s.%n", (System.nanoTime() - started) / 1e9, outcome.summary());
    return outcome.failures.isEmpty() ? SyncCommand.OK : SyncCommand.WRITES_FAILED;
  }

  /**
   * Against the whole directory; or, with a previous export, against the users and groups of the
   * rows that differ from it.
   */
  private SyncPlan plan() throws TargetUnavailableException {
    PlannedAttributes planned = new PlannedAttributes(input.mapping());
    ExportDelta delta = input.delta();
    if (delta == null) {
      return SyncPlanner.plan(input.mapping(), input.users(), target.read(planned));
    }
    out.printf("%,d rows are as in the previous export; %,d differ or are new, %,d are gone.%n",
        delta.same(), delta.changed().size(), delta.departed().size());
    Directory directory = target.readSome(planned, input.mapping().key().path().text(),
        delta.readKeys(), delta.groupNames());
    return SyncPlanner.plan(input.mapping(), delta, directory);
  }

  private boolean tooManyLeavers(SyncPlan plan) {
    double limit = input.mapping().maxLeaverShare() * plan.managed();
    if (plan.leavers() == 0 || plan.leavers() <= limit) {
      return false;
    }
    err.printf("Refused: %,d leavers would be %s, more than maxLeaverShare %.0f%% of the %,d users "
        + "sync manages (%,.0f). If the export is complete, run again with --allow-mass-leavers.%n",
        plan.leavers(), input.mapping().leavers() == SyncMapping.LeaverAction.DELETE ? "deleted"
        : "deactivated", input.mapping().maxLeaverShare() * 100, plan.managed(), limit);
    return true;
  }
}
