package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What a run will write, in the order it writes it: groups to create, joiners (managers before their
 * reports), movers, leavers, then group memberships. Users are named by their key; ids are filled in
 * when the writes are made, since joiners have none yet.
 *
 * @param unchanged users the export lists that already match
 * @param managed users in the directory that have a key, the base of the leaver safety limit
 * @param idsByKey the ids of the users the directory has, by key
 * @param warnings what the plan could not honour (a manager nobody in the export has as number)
 */
record SyncPlan(List<GroupCreate> groupCreates, List<UserCreate> creates, List<UserUpdate> updates,
    List<UserRemoval> removals, List<MemberChange> memberChanges, int unchanged, int managed,
    Map<String, String> idsByKey, List<String> warnings) {

  /** A joiner; {@code managerKey} is the manager's key, or null. */
  record UserCreate(DesiredUser user, String managerKey) {}

  /** A mover: the attributes that differ, and the manager when it changes. */
  record UserUpdate(DesiredUser user, String id, List<AttributeChange> changes,
      ManagerChange manager) {}

  /**
   * One attribute that differs.
   *
   * @param after null to remove the attribute
   * @param typedValueExists for {@code emails[type eq "work"].value}: whether a work email is there to
   *     replace, or one is added
   */
  record AttributeChange(AttributePath path, JsonNode before, JsonNode after,
      boolean typedValueExists) {}

  /** The manager before and after, by key (before: "id x" when the manager has no key), or null. */
  record ManagerChange(String before, String afterKey) {}

  /** A leaver: deactivated, or deleted. */
  record UserRemoval(String key, String id, boolean delete) {}

  record GroupCreate(String displayName) {}

  /**
   * A group's members to add (by user key) and remove (by id, with the key for messages).
   *
   * @param groupId null when the group is created by this run
   */
  record MemberChange(String displayName, String groupId, List<String> addKeys,
      List<Member> removes) {}

  record Member(String id, String key) {}

  long leavers() {
    return removals.size();
  }

  /** How many writes the plan needs, {@code membersPerWrite} members a PATCH: for the progress bar. */
  long writes(int membersPerWrite) {
    long memberWrites = 0;
    for (MemberChange change : memberChanges) {
      memberWrites += (change.addKeys().size() + membersPerWrite - 1) / membersPerWrite
          + (change.removes().size() + membersPerWrite - 1) / membersPerWrite;
    }
    return groupCreates.size() + creates.size() + updates.size() + removals.size() + memberWrites;
  }

  boolean isEmpty() {
    return writes(1) == 0;
  }
}
