package io.scimgateway.emulator.zidentity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The in-memory state of one tenant: users and groups (stored as the API renders them), memberships, entitlements and
 * the password actions received. Callers hold its lock.
 */
final class ZidTenant {

  /** Ids look like {@code iidkfk0g906h3}: 13 characters of lowercase base-32 hex. */
  private static final String ID_ALPHABET = "0123456789abcdefghijklmnopqrstuv";
  private static final int ID_LENGTH = 13;

  final Map<String, ObjectNode> users = new LinkedHashMap<>();
  final Map<String, ObjectNode> groups = new LinkedHashMap<>();
  final ZidEntitlements entitlements = new ZidEntitlements();
  final List<ZidPasswordAction> passwordActions = new ArrayList<>();
  private final Map<String, Set<String>> members = new HashMap<>();
  private final Random random = new Random();

  String newId() {
    while (true) {
      StringBuilder id = new StringBuilder("i");
      while (id.length() < ID_LENGTH) {
        id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
      }
      if (!users.containsKey(id.toString()) && !groups.containsKey(id.toString())) {
        return id.toString();
      }
    }
  }

  ObjectNode requireUser(String id) {
    ObjectNode user = users.get(id);
    if (user == null) {
      throw ZidError.notFound("User " + id);
    }
    return user;
  }

  ObjectNode requireGroup(String id) {
    ObjectNode group = groups.get(id);
    if (group == null) {
      throw ZidError.notFound("Group " + id);
    }
    return group;
  }

  /** The group's member ids, in the order they were added; the live set. */
  Set<String> members(String groupId) {
    return members.computeIfAbsent(groupId, id -> new LinkedHashSet<>());
  }

  List<String> groupIdsOf(String userId) {
    List<String> ids = new ArrayList<>();
    members.forEach((groupId, userIds) -> {
      if (userIds.contains(userId)) {
        ids.add(groupId);
      }
    });
    return ids;
  }

  /** The user's id followed by those of their groups: whose entitlements the user holds. */
  List<String> principalsOf(String userId) {
    List<String> principals = new ArrayList<>(List.of(userId));
    principals.addAll(groupIdsOf(userId));
    return principals;
  }

  /**
   * Checks that an entitlement can be given to this principal: a user, or a group with the entitlement kind enabled
   * ({@code adminEntitlementEnabled} / {@code serviceEntitlementEnabled}).
   */
  void requireEntitled(String principalId, String groupFlag) {
    ObjectNode group = groups.get(principalId);
    if (group == null && !users.containsKey(principalId)) {
      throw new IllegalArgumentException("No user or group " + principalId);
    }
    if (group != null && !group.path(groupFlag).asBoolean()) {
      throw new IllegalArgumentException("Group " + principalId + " does not have " + groupFlag);
    }
  }

  void deleteUser(String id) {
    users.remove(id);
    members.values().forEach(userIds -> userIds.remove(id));
    entitlements.forget(id);
  }

  void deleteGroup(String id) {
    groups.remove(id);
    members.remove(id);
    entitlements.forget(id);
  }

  /** Records matching the filter, ordered as the platform lists them: by a name field, case-insensitively. */
  static List<ObjectNode> listed(Iterable<ObjectNode> records, String orderField, Predicate<ObjectNode> filter) {
    List<ObjectNode> listed = new ArrayList<>();
    records.forEach(record -> {
      if (filter.test(record)) {
        listed.add(record);
      }
    });
    listed.sort(Comparator.comparing((ObjectNode record) -> record.path(orderField).asText(),
        String.CASE_INSENSITIVE_ORDER).thenComparing(record -> record.path("id").asText()));
    return listed;
  }
}
