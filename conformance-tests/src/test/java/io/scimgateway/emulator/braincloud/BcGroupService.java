package io.scimgateway.emulator.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code group} service's Sys operations. A group's owner is a member with role {@code OWNER} and cannot be
 * removed (40455); a delete names the version it read. Callers hold the app's monitor.
 */
final class BcGroupService {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final BcApp app;
  private final Clock clock;

  BcGroupService(BcApp app, Clock clock) {
    this.app = app;
    this.clock = clock;
  }

  JsonNode handle(String operation, ObjectNode data) {
    return switch (operation) {
      case "SYS_CREATE_GROUP" -> create(data);
      case "SYS_READ_GROUP" -> app.group(BcUserService.text(data, "groupId")).document(app.settings.appId());
      case "SYS_READ_GROUP_MEMBERS" -> members(app.group(BcUserService.text(data, "groupId")));
      case "SYS_ADD_GROUP_MEMBER" -> add(data);
      case "SYS_REMOVE_GROUP_MEMBER" -> remove(data);
      case "SYS_UPDATE_GROUP_NAME" -> rename(data);
      case "SYS_DELETE_GROUP" -> delete(data);
      case "SYS_LIST_GROUPS_PAGE" -> BcPagedQuery.first(items(), data, Set.of());
      case "SYS_LIST_GROUPS_PAGE_BY_OFFSET" -> BcPagedQuery.offset(items(), data, Set.of());
      default -> throw BcFailure.badRequest(BcFailure.UNKNOWN_OPERATION, "Unknown operation " + operation);
    };
  }

  private JsonNode create(ObjectNode data) {
    BcUser owner = app.user(BcUserService.text(data, "ownerId"));
    BcGroup group = new BcGroup(UUID.randomUUID().toString(), BcUserService.text(data, "groupType"),
        owner.profileId, BcUserService.text(data, "name"), clock.millis());
    group.members.put(owner.profileId, member("OWNER", data.path("ownerAttributes")));
    app.groups.put(group.groupId, group);
    return group.document(app.settings.appId());
  }

  private JsonNode members(BcGroup group) {
    ObjectNode members = JSON.objectNode();
    group.members.forEach((profileId, member) -> {
      BcUser user = app.users.get(profileId);
      members.set(profileId, member.deepCopy().put("playerName", user == null ? "" : user.playerName)
          .put("emailAddress", user == null ? null : user.emailAddress).put("pic", (String) null));
    });
    return members;
  }

  private JsonNode add(ObjectNode data) {
    BcGroup group = app.group(BcUserService.text(data, "groupId"));
    BcUser user = app.user(BcUserService.text(data, "profileId"));
    ObjectNode member = member(data.path("role").asText("MEMBER"), data.path("attributes"));
    ObjectNode held = group.members.get(user.profileId);
    if (held != null && !held.equals(member)) {
      throw BcFailure.badRequest(40749, "Already a member with another role or attributes");
    }
    if (held == null) {
      group.members.put(user.profileId, member);
      group.changed(clock.millis());
    }
    return NullNode.getInstance();
  }

  private JsonNode remove(ObjectNode data) {
    BcGroup group = app.group(BcUserService.text(data, "groupId"));
    String profileId = BcUserService.text(data, "profileId");
    if (profileId.equals(group.ownerId)) {
      throw BcFailure.badRequest(BcFailure.GROUP_OWNER_CANNOT_LEAVE, "The owner cannot be removed");
    }
    if (group.members.remove(profileId) != null) {
      group.changed(clock.millis());
    }
    return NullNode.getInstance();
  }

  private JsonNode rename(ObjectNode data) {
    BcGroup group = app.group(BcUserService.text(data, "groupId"));
    group.name = BcUserService.text(data, "name");
    group.changed(clock.millis());
    return NullNode.getInstance();
  }

  private JsonNode delete(ObjectNode data) {
    BcGroup group = app.group(BcUserService.text(data, "groupId"));
    if (!data.path("version").canConvertToLong() || data.path("version").asLong() != group.version) {
      throw BcFailure.badRequest(BcFailure.GROUP_VERSION_MISMATCH, "Version " + data.path("version")
          + " is not the group's version " + group.version);
    }
    app.groups.remove(group.groupId);
    return NullNode.getInstance();
  }

  private List<ObjectNode> items() {
    return app.groups.values().stream().map(BcGroup::item).toList();
  }

  private static ObjectNode member(String role, JsonNode attributes) {
    ObjectNode member = JSON.objectNode().put("role", role);
    member.set("attributes", attributes.isObject() ? attributes.deepCopy() : JSON.objectNode());
    return member;
  }
}
