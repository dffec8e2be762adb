package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.kit.remote.RemoteGroupStore;
import io.scimgateway.spi.StoredResource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM Groups on Appwrite Teams: {@code displayName} is the team's name, user {@code members} its
 * memberships, everything else (including groups nested in the group, which a team cannot hold) local
 * state. Members are added and removed one membership at a time, so only the changed ones are
 * touched. Thread-safe.
 */
final class AppwriteTeamStore extends RemoteGroupStore {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final AppwriteApi api;
  private final List<String> memberRoles;

  AppwriteTeamStore(AppwriteApi api, LocalState local, List<String> memberRoles, int pageSize,
      Clock clock) {
    super(local, new AppwriteListing(api, "/teams", "teams", AppwriteAttributes.teamFilter(local),
        AppwriteAttributes.teamSorting(), pageSize), clock);
    this.api = api;
    this.memberRoles = List.copyOf(memberRoles);
  }

  @Override
  protected String validName(String name) throws BadRequestException {
    return nameWithin(name, 128, "An Appwrite team");
  }

  @Override
  protected String createEmpty(String name) throws ScimException {
    String id = AppwriteIds.next();
    api.createOnce("/teams", JSON.objectNode().put("teamId", id).put("name", name), teamPath(id));
    return id;
  }

  @Override
  protected void undo(String id) throws ScimException {
    api.undoCreate(teamPath(id));
  }

  @Override
  protected void rename(ObjectNode team, String name) throws ScimException {
    api.set("PUT", teamPath(idOf(team)), JSON.objectNode().put("name", name));
  }

  @Override
  protected List<Member> userMembers(ObjectNode team) throws ScimException {
    List<Member> members = new ArrayList<>();
    for (JsonNode membership : api.listAll(teamPath(idOf(team)) + "/memberships", "memberships",
        List.of())) {
      members.add(new Member(membership.path("userId").asText(),
          membership.path("userName").asText("")));
    }
    return members;
  }

  /** Adds users one membership each; a user already a member (a retried call) is left as it is. */
  @Override
  protected void addUsers(String teamId, List<String> userIds) throws ScimException {
    for (String userId : userIds) {
      ObjectNode body = JSON.objectNode().put("userId", userId);
      ArrayNode roles = body.putArray("roles");
      memberRoles.forEach(roles::add);
      api.createUnlessPresent(teamPath(teamId) + "/memberships", body);
    }
  }

  @Override
  protected void removeUsers(String teamId, List<String> userIds) throws ScimException {
    for (int i = 0; i < userIds.size(); i += AppwriteApi.PAGE) {
      List<JsonNode> chunk = userIds.subList(i, Math.min(userIds.size(), i + AppwriteApi.PAGE))
          .stream().map(id -> (JsonNode) JSON.textNode(id)).toList();
      List<JsonNode> memberships = api.listAll(teamPath(teamId) + "/memberships", "memberships",
          List.of(AppwriteQuery.compare("equal", "userId", chunk)));
      for (JsonNode membership : memberships) {
        // Deleting twice (a retry after a lost answer) finds it gone, which is what was wanted.
        api.delete(teamPath(teamId) + "/memberships/"
            + AppwriteApi.segment(membership.path("$id").asText()));
      }
    }
  }

  @Override
  protected Set<String> existingUsers(Collection<String> ids) throws ScimException {
    Set<String> users = new LinkedHashSet<>();
    AppwriteDocuments.existing(api, "/users", "users", ids)
        .forEach(user -> users.add(user.path("$id").asText()));
    return users;
  }

  @Override
  protected Map<String, String> groupNames(Collection<String> ids) throws ScimException {
    Map<String, String> names = new HashMap<>();
    for (JsonNode team : AppwriteDocuments.existing(api, "/teams", "teams", ids)) {
      names.put(team.path("$id").asText(), team.path("name").asText(""));
    }
    return names;
  }

  @Override
  protected JsonNode versionPart(ObjectNode team) {
    return JSON.textNode(team.path("$updatedAt").asText(""));
  }

  @Override
  protected StoredResource stored(ObjectNode team, ObjectNode scim, Optional<LocalRecord> held,
      String version) {
    return AppwriteTimes.stored(team, scim, held, version);
  }

  private static String teamPath(String id) {
    return "/teams/" + AppwriteApi.segment(id);
  }
}
