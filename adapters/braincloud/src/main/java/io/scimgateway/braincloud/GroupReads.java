package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.ResourceVersions;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.kit.local.LocalGroupNesting;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.kit.local.LocalState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads groups of the configured type as SCIM Groups: any number by id in one packet (the group and its members,
 * bundled). Members are the group's profiles but its owner (the gateway's own profile), then the groups local state
 * nests in it. Thread-safe.
 */
final class GroupReads {

  static final String RESOURCE_TYPE = "Group";
  static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** One group as brainCloud holds it: its document and its members with their names. */
  record Platform(String groupId, JsonNode document, JsonNode members) {
    long version() {
      return document.path("version").asLong();
    }

    /** The member profiles, the owner left out. */
    List<String> profiles() {
      List<String> profiles = new ArrayList<>();
      members.fieldNames().forEachRemaining(profiles::add);
      profiles.remove(document.path("ownerId").asText());
      return profiles;
    }
  }

  private final S2sClient client;
  private final LocalState local;
  private final BrainCloudSettings.Groups groups;

  GroupReads(S2sClient client, LocalState local, BrainCloudSettings.Groups groups) {
    this.client = client;
    this.local = local;
    this.groups = groups;
  }

  List<Platform> byIds(List<String> ids) throws ScimException {
    List<String> wanted = ids.stream().distinct().toList();
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<S2sMessage> messages = new ArrayList<>();
    wanted.forEach(id -> messages.addAll(List.of(GroupCalls.read(id), GroupCalls.members(id))));
    List<S2sAnswer> answers = client.send(messages);
    List<Platform> found = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      S2sAnswer document = answers.get(2 * i);
      S2sAnswer members = answers.get(2 * i + 1);
      if (client.errors().notFound(document) || client.errors().notFound(members)) {
        continue;
      }
      for (S2sAnswer answer : List.of(document, members)) {
        if (!answer.ok()) {
          throw client.errors().of(answer);
        }
      }
      if (document.data().path("groupType").asText().equals(groups.groupType())) {
        found.add(new Platform(wanted.get(i), document.data(), members.data()));
      }
    }
    return found;
  }

  Optional<Platform> byId(String id) throws ScimException {
    List<Platform> found = byIds(List.of(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  List<StoredResource> views(List<Platform> platform) {
    Map<String, LocalRecord> held = local.getAll(RESOURCE_TYPE, platform.stream().map(Platform::groupId).toList());
    List<StoredResource> views = new ArrayList<>();
    platform.forEach(group -> views.add(view(group, Optional.ofNullable(held.get(group.groupId())))));
    return views;
  }

  private StoredResource view(Platform group, Optional<LocalRecord> record) {
    ObjectNode scim = record.map(r -> r.attributes().deepCopy()).orElseGet(JSON::objectNode);
    List<String> nested = LocalGroupNesting.nestedIn(scim);
    scim.remove(List.of(LocalGroupNesting.NESTED_GROUPS, "members"));
    if (!scim.has("schemas")) {
      scim.putArray("schemas").add(GROUP_SCHEMA);
    }
    scim.put("displayName", group.document().path("name").asText());
    ArrayNode members = JSON.arrayNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = group.members().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      if (!member.getKey().equals(group.document().path("ownerId").asText())) {
        members.addObject().put("value", member.getKey()).put("display", member.getValue().path("playerName")
            .asText()).put("type", "User");
      }
    }
    Map<String, LocalRecord> nestedGroups = local.getAll(RESOURCE_TYPE, nested);
    for (String id : nested) {
      LocalRecord held = nestedGroups.get(id); // a group deleted through the gateway has none
      if (held != null) {
        members.addObject().put("value", id).put("display", held.attributes().path("displayName").asText())
            .put("type", "Group");
      }
    }
    if (!members.isEmpty()) {
      scim.set("members", members);
    }
    Instant created = Instant.ofEpochMilli(group.document().path("createdAt").asLong(0));
    Instant updated = Instant.ofEpochMilli(group.document().path("updatedAt").asLong(0));
    Instant modified = record.map(LocalRecord::lastModified).filter(updated::isBefore).orElse(updated);
    String version = ResourceVersions.ofContent(group.document().path("version"), group.document().path("name"),
        members, record.<JsonNode>map(LocalRecord::attributes).orElse(JSON.nullNode()));
    return new StoredResource(group.groupId(), scim, created, modified, version);
  }
}
