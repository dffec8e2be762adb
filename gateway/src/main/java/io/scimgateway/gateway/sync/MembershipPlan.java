package io.scimgateway.gateway.sync;

import io.scimgateway.gateway.sync.SyncPlan.GroupCreate;
import io.scimgateway.gateway.sync.SyncPlan.MemberChange;
import java.util.List;

/** How a run plans group memberships: from every group's members, or from the changed users' groups. */
interface MembershipPlan {

  /** The groups the export names that the directory does not have. */
  List<GroupCreate> groupCreates(Directory directory);

  /** For each group whose members change: who joins (by key) and who leaves. */
  List<MemberChange> changes(Directory directory);
}
