package io.scimgateway.appwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.kit.remote.RemoteStore;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.PasswordFeature;
import io.scimgateway.spi.PasswordHash;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.PasswordReset;
import io.scimgateway.spi.ResetOutcome;
import io.scimgateway.spi.StoredResource;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM Users on Appwrite's Users API. Appwrite holds the email (userName), name, status, labels
 * (entitlements) and a few preferences; local state holds the rest of what the client wrote. A
 * replace calls only the per-field operations whose values changed. Thread-safe.
 */
final class AppwriteUserStore extends RemoteStore implements PasswordManagement {

  static final String RESOURCE_TYPE = "User";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final AppwriteApi api;
  private final AppwriteTeamStore teams;

  AppwriteUserStore(AppwriteApi api, LocalState local, AppwriteTeamStore teams, int pageSize,
      Clock clock) {
    super(local, RESOURCE_TYPE, new AppwritePageTeams(new AppwriteListing(api, "/users", "users",
        AppwriteAttributes.userFilter(local), AppwriteAttributes.userSorting(), pageSize), api), clock);
    this.api = api;
    this.teams = teams;
  }

  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    return create(attributes, null);
  }

  @Override
  public StoredResource createWithPasswordHash(ObjectNode attributes, PasswordHash hash)
      throws ScimException {
    return create(attributes, hash);
  }

  private StoredResource create(ObjectNode attributes, PasswordHash hash) throws ScimException {
    ObjectNode scim = attributes.deepCopy();
    JsonNode password = scim.remove("password");
    AppwriteUser fields = AppwriteUser.from(scim);
    requireFreeUserName(null, scim);
    String id = AppwriteIds.next();
    ObjectNode body = JSON.objectNode().put("userId", id);
    if (!fields.email().isEmpty()) {
      body.put("email", fields.email());
    }
    if (!fields.name().isEmpty()) {
      body.put("name", fields.name());
    }
    String path = "/users";
    if (hash != null) {
      path = AppwritePasswordHashes.route(hash);
      AppwritePasswordHashes.addTo(body, hash);
    } else if (password != null && !password.isNull()) {
      body.put("password", password.asText());
    }
    ObjectNode user = api.createOnce(path, body, userPath(id));
    scim.remove("groups");
    try {
      user = applyFields(id, user, fields);
      return AppwriteUserView.of(user, Optional.of(keep(id, scim)), null); // groups: on request
    } catch (ScimException e) {
      api.undoCreate(userPath(id));
      throw e;
    }
  }

  /** Status, labels and preferences, which Appwrite's create call does not take. */
  private ObjectNode applyFields(String id, ObjectNode user, AppwriteUser fields)
      throws ScimException {
    ObjectNode current = user;
    if (!fields.status()) {
      current = api.set("PATCH", userPath(id) + "/status", JSON.objectNode().put("status", false));
    }
    if (!fields.labels().isEmpty()) {
      current = putLabels(id, fields.labels());
    }
    if (!fields.prefs().isEmpty()) {
      setPrefs(id, merged(current.path("prefs"), fields.prefs()));
      current = api.find(userPath(id)).orElse(current);
    }
    return current;
  }

  @Override
  protected ObjectNode write(Current current, ObjectNode scim) throws ScimException {
    ObjectNode user = current.record();
    String id = idOf(user);
    JsonNode password = scim.remove("password");
    AppwriteUser fields = AppwriteUser.from(scim);
    if (!fields.email().equals(user.path("email").asText())) {
      api.set("PATCH", userPath(id) + "/email", JSON.objectNode().put("email", fields.email()));
    }
    if (!fields.name().equals(user.path("name").asText(""))) {
      api.set("PATCH", userPath(id) + "/name", JSON.objectNode().put("name", fields.name()));
    }
    if (fields.status() != user.path("status").asBoolean(true)) {
      api.set("PATCH", userPath(id) + "/status", JSON.objectNode().put("status", fields.status()));
    }
    Set<String> labels = new HashSet<>();
    user.path("labels").forEach(label -> labels.add(label.asText()));
    if (!labels.equals(new HashSet<>(fields.labels()))) {
      putLabels(id, fields.labels());
    }
    ObjectNode prefs = merged(user.path("prefs"), fields.prefs());
    if (!prefs.equals(user.path("prefs"))) {
      setPrefs(id, prefs);
    }
    if (password != null && !password.isNull()) {
      api.set("PATCH", userPath(id) + "/password",
          JSON.objectNode().put("password", password.asText()));
    }
    scim.remove("groups");
    return scim;
  }

  private void setPrefs(String id, ObjectNode prefs) throws ScimException {
    ObjectNode body = JSON.objectNode();
    body.set("prefs", prefs);
    api.set("PATCH", userPath(id) + "/prefs", body);
  }

  private ObjectNode putLabels(String id, List<String> labels) throws ScimException {
    ObjectNode body = JSON.objectNode();
    ArrayNode values = body.putArray("labels");
    labels.forEach(values::add);
    return api.set("PUT", userPath(id) + "/labels", body);
  }

  /**
   * Appwrite's prefs with the SCIM preferences laid over: keys the application keeps there stay, a
   * SCIM preference the client left out is removed. Appwrite replaces prefs whole, so this is what
   * gets written.
   */
  private static ObjectNode merged(JsonNode current, ObjectNode scimPreferences) {
    ObjectNode prefs = current.isObject() ? ((ObjectNode) current).deepCopy() : JSON.objectNode();
    AppwriteUser.PREFERENCES.forEach(prefs::remove);
    prefs.setAll(scimPreferences);
    return prefs;
  }

  @Override
  protected StoredResource view(ObjectNode user, Optional<LocalRecord> record, NeededAttributes needed)
      throws ScimException {
    Optional<List<JsonNode>> readWithPage = AppwritePageTeams.taken(user);
    if (!needed.includes("groups")) {
      return AppwriteUserView.of(user, record, null);
    }
    String id = user.path("$id").asText();
    List<JsonNode> memberships = readWithPage.isPresent() ? readWithPage.get()
        : api.listAll(userPath(id) + "/memberships", "memberships", List.of());
    ArrayNode groups = AppwriteUserView.groups(memberships);
    return AppwriteUserView.of(user, record, teams.withIndirect(groups));
  }

  /** A user's teams are memberships, which Appwrite lists per user or per team. */
  @Override
  protected Set<String> returnedOnRequest() {
    return Set.of("groups");
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == PasswordManagement.class ? Optional.of(type.cast(this)) : Optional.empty();
  }

  // Password management: Appwrite has no reset email for administrators; a reset issues a login token
  // (POST /users/{id}/tokens) that the gateway hands to its reset sink.

  @Override
  public Set<PasswordFeature> features() {
    return Set.of(PasswordFeature.RESET, PasswordFeature.RESET_EXPIRY, PasswordFeature.HASH_IMPORT);
  }

  @Override
  public ResetOutcome reset(String userId, PasswordReset request) throws ScimException {
    return AppwriteResetTokens.issue(api, userPath(userId), request);
  }

  @Override
  public void requirePasswordChange(String userId, boolean required) throws ScimException {
    throw BadRequestException.invalidValue("Appwrite has no \"change password at next sign-in\" "
        + "setting, so mustChangePassword cannot be honoured by this backend.");
  }

  private static String userPath(String id) {
    return "/users/" + AppwriteApi.segment(id);
  }
}
