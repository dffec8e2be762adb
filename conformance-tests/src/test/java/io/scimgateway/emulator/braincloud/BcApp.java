package io.scimgateway.emulator.braincloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One brainCloud app's state: users in creation order, groups, and the calls tests check ran once (password sets,
 * reset emails, session invalidations). Callers hold its monitor while they read or change it.
 */
final class BcApp {

  final BcSettings settings;
  final Map<String, BcUser> users = new LinkedHashMap<>();
  final Map<String, BcGroup> groups = new LinkedHashMap<>();
  /** Password sets, reset emails and session invalidations, each as its operation and data. */
  final List<ObjectNode> recorded = new ArrayList<>();

  BcApp(BcSettings settings) {
    this.settings = settings;
  }

  BcUser user(String profileId) {
    BcUser user = profileId == null ? null : users.get(profileId);
    if (user == null) {
      throw BcFailure.badRequest(settings.notFoundReason(), "Profile not found: " + profileId);
    }
    return user;
  }

  /** The user who signs in with this identity; emails are compared without regard to case. */
  Optional<BcUser> withIdentity(String type, String externalId) {
    return users.values().stream().filter(user -> {
      String held = user.identities.get(type);
      return held != null && (type.equals(BcUser.EMAIL) ? held.toLowerCase(Locale.ROOT)
          .equals(externalId.toLowerCase(Locale.ROOT)) : held.equals(externalId));
    }).findFirst();
  }

  BcGroup group(String groupId) {
    BcGroup group = groupId == null ? null : groups.get(groupId);
    if (group == null) {
      throw BcFailure.badRequest(BcFailure.GROUP_NOT_FOUND, "Group not found: " + groupId);
    }
    return group;
  }

  void record(String operation, ObjectNode data) {
    recorded.add(data.deepCopy().put("operation", operation));
  }
}
