package io.scimgateway.emulator.braincloud;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One brainCloud group as the emulator holds it; guarded by its {@link BcApp}. */
final class BcGroup {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  final String groupId;
  final String groupType;
  final String ownerId;
  final long createdAt;
  String name;
  long updatedAt;
  long version = 1;
  /** Members by profileId: role and attributes. */
  final Map<String, ObjectNode> members = new LinkedHashMap<>();

  BcGroup(String groupId, String groupType, String ownerId, String name, long now) {
    this.groupId = groupId;
    this.groupType = groupType;
    this.ownerId = ownerId;
    this.name = name;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void changed(long now) {
    updatedAt = now;
    version++;
  }

  /** The group document that SYS_CREATE_GROUP and SYS_READ_GROUP answer. */
  ObjectNode document(String appId) {
    ObjectNode document = item().put("gameId", appId).put("createdAt", createdAt).put("updatedAt", updatedAt);
    ObjectNode memberMap = document.putObject("members");
    members.forEach(memberMap::set);
    document.putObject("pendingMembers");
    document.putObject("acl").put("member", 2).put("other", 0);
    return document;
  }

  /** One item of a SYS_LIST_GROUPS_PAGE answer. */
  ObjectNode item() {
    return JSON.objectNode().put("groupId", groupId).put("groupType", groupType).put("name", name)
        .put("ownerId", ownerId).put("memberCount", members.size()).put("isOpenGroup", false)
        .put("version", version);
  }
}
