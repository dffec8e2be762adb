package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.kit.local.LocalState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads users in as few packets as brainCloud allows: any number of users by id is one packet (the user info and the
 * export of each, bundled), and a page of items is one packet of exports. The gateway's own group owner profile is
 * never a SCIM User. Keeps local state's index of login ids current as it reads. Thread-safe.
 */
final class UserReads {

  static final String RESOURCE_TYPE = "User";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** One user as brainCloud holds it: its profile (info or page item) and its export entry. */
  record Platform(String profileId, JsonNode profile, JsonNode export) {

    /** As one platform record for the kit's remote store. */
    ObjectNode record() {
      ObjectNode record = JSON.objectNode().put("profileId", profileId);
      record.set("profile", profile);
      record.set("export", export);
      return record;
    }

    static Platform of(JsonNode record) {
      return new Platform(record.path("profileId").asText(), record.path("profile"), record.path("export"));
    }

    String login() {
      return UserView.login(export);
    }

    String contactEmail() {
      return profile.path("emailAddress").asText("");
    }

    /** When brainCloud created the user (epoch milliseconds), from the export. */
    long createdAt() {
      return export.path("playerProfile").path(0).path("createdAt").asLong(0);
    }

    String playerName() {
      return profile.path("playerName").asText("");
    }

    boolean hasIdentity(String type) {
      for (JsonNode credential : export.path("credentials")) {
        if (credential.path("authenticationType").asText().equals(type)) {
          return true;
        }
      }
      return false;
    }
  }

  private final S2sClient client;
  private final LocalState local;
  private final BrainCloudSettings.Groups groups;
  private final Clock clock;

  UserReads(S2sClient client, LocalState local, BrainCloudSettings.Groups groups, Clock clock) {
    this.client = client;
    this.local = local;
    this.groups = groups;
    this.clock = clock;
  }

  boolean isOwner(String profileId) {
    return groups != null && groups.ownerProfileId().equals(profileId);
  }

  /** The users with these ids that exist, in order: one packet, two messages each. */
  List<Platform> byIds(List<String> ids) throws ScimException {
    List<String> wanted = ids.stream().filter(id -> !isOwner(id)).distinct().toList();
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<S2sMessage> messages = new ArrayList<>();
    wanted.forEach(id -> messages.addAll(List.of(UserCalls.info(id), UserCalls.export(id))));
    List<S2sAnswer> answers = client.send(messages);
    List<Platform> found = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      Optional<Platform> user = platform(wanted.get(i), answers.get(2 * i), answers.get(2 * i + 1));
      user.ifPresent(found::add);
    }
    return found;
  }

  /** Page items with their exports: one packet. */
  List<Platform> withExports(List<ObjectNode> items) throws ScimException {
    if (items.isEmpty()) {
      return List.of();
    }
    List<S2sAnswer> answers = client.send(items.stream()
        .map(item -> UserCalls.export(item.path("profileId").asText())).toList());
    List<Platform> found = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String id = items.get(i).path("profileId").asText();
      if (answers.get(i).ok()) {
        found.add(new Platform(id, items.get(i), answers.get(i).data().path(id).path(0)));
      } else if (!client.errors().notFound(answers.get(i))) {
        throw client.errors().of(answers.get(i));
      }
    }
    return found;
  }

  private Optional<Platform> platform(String id, S2sAnswer info, S2sAnswer export) throws ScimException {
    for (S2sAnswer answer : List.of(info, export)) {
      if (client.errors().notFound(answer)) {
        return Optional.empty();
      }
      if (!answer.ok()) {
        throw client.errors().of(answer);
      }
    }
    return Optional.of(new Platform(id, info.data(), export.data().path(id).path(0)));
  }

  /** The local record, with the login id indexed as brainCloud holds it now. */
  Optional<LocalRecord> indexed(Platform user, Optional<LocalRecord> record) {
    String key = user.login().toLowerCase(Locale.ROOT);
    if (key.isEmpty() || record.map(r -> r.attributes().path(UserView.LOGIN_KEY).asText()).orElse("").equals(key)) {
      return record;
    }
    ObjectNode attributes = record.map(r -> r.attributes().deepCopy()).orElseGet(JSON::objectNode);
    attributes.put(UserView.LOGIN_KEY, key);
    return Optional.of(local.put(RESOURCE_TYPE, user.profileId(), attributes, clock.instant()));
  }

  /** The user's groups of the configured type, from its export. */
  ArrayNode directGroups(Platform user) {
    ArrayNode scim = JSON.arrayNode();
    if (groups == null) {
      return scim;
    }
    for (JsonNode group : user.export().path("groups").path("groups")) {
      if (group.path("groupType").asText().equals(groups.groupType())) {
        scim.addObject().put("value", group.path("groupId").asText()).put("display", group.path("name").asText())
            .put("type", "direct");
      }
    }
    return scim;
  }

  /** The profiles local state knows with this login id, whatever its case. */
  List<String> withLogin(String userName) {
    return local.idsWhere(RESOURCE_TYPE, UserView.LOGIN_KEY, userName.toLowerCase(Locale.ROOT));
  }

  List<String> keptLocally(String attribute) {
    return local.idsContaining(RESOURCE_TYPE, UserView.KEPT_LOCALLY, attribute);
  }
}
