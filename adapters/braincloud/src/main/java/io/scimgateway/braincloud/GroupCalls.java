package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The messages of brainCloud's {@code group} service the Group store sends. */
final class GroupCalls {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String GROUP = "group";

  private GroupCalls() {
  }

  /** A closed group of the configured type, owned by the configured profile; members read, others nothing. */
  static S2sMessage create(BrainCloudSettings.Groups groups, String name) {
    ObjectNode data = JSON.objectNode().put("name", name).put("groupType", groups.groupType())
        .put("isOpenGroup", false).put("ownerId", groups.ownerProfileId());
    data.putObject("acl").put("member", 1).put("other", 0);
    data.putObject("ownerAttributes");
    data.putObject("defaultMemberAttributes");
    data.putObject("jsonData");
    data.putObject("summaryData");
    return new S2sMessage(GROUP, "SYS_CREATE_GROUP", data);
  }

  static S2sMessage read(String groupId) {
    return new S2sMessage(GROUP, "SYS_READ_GROUP", group(groupId));
  }

  static S2sMessage members(String groupId) {
    return new S2sMessage(GROUP, "SYS_READ_GROUP_MEMBERS", group(groupId));
  }

  static S2sMessage add(String groupId, String profileId) {
    ObjectNode data = group(groupId).put("profileId", profileId).put("role", "MEMBER");
    data.putObject("attributes");
    return new S2sMessage(GROUP, "SYS_ADD_GROUP_MEMBER", data);
  }

  static S2sMessage remove(String groupId, String profileId) {
    return new S2sMessage(GROUP, "SYS_REMOVE_GROUP_MEMBER", group(groupId).put("profileId", profileId));
  }

  static S2sMessage rename(String groupId, String name) {
    return new S2sMessage(GROUP, "SYS_UPDATE_GROUP_NAME", group(groupId).put("name", name));
  }

  static S2sMessage delete(String groupId, long version) {
    return new S2sMessage(GROUP, "SYS_DELETE_GROUP", group(groupId).put("version", version));
  }

  private static ObjectNode group(String groupId) {
    return JSON.objectNode().put("groupId", groupId);
  }
}
