package io.scimgateway.gateway.sync;

import java.util.ArrayList;
import java.util.List;

/** What a run wrote, and what failed. Filled in by one thread. */
final class SyncOutcome {

  int created;
  int updated;
  int deactivated;
  int deleted;
  int groupsCreated;
  int membershipWrites;
  final List<Failure> failures = new ArrayList<>();

  String summary() {
    return created + " created, " + updated + " updated, " + deactivated + " deactivated, " + deleted
        + " deleted, " + groupsCreated + " groups created, " + membershipWrites
        + " membership writes; " + failures.size() + " failed";
  }
}
