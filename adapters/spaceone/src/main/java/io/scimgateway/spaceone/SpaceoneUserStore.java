package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.CaseInsensitiveRegex;
import io.scimgateway.kit.UnconfirmedCreates;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.kit.remote.RemoteStore;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.StoredResource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM Users on SpaceONE's identity v1 users, found by {@code user_id} (the userName, which SpaceONE
 * cannot rename) and identified by it with their creation time ({@link SpaceoneUserIds}). SpaceONE
 * holds the fields of {@link SpaceoneUserFields} and the state ({@code active}, through
 * {@code enable}/{@code disable}); local state holds the rest. Thread-safe.
 */
final class SpaceoneUserStore extends RemoteStore {

  static final String RESOURCE_TYPE = "User";
  /** Creates sent at most, when answers are lost on the way. */
  private static final int CREATE_ATTEMPTS = 3;

  private final SpaceoneUsers users;
  private final SpaceoneUserCollection collection;
  private final SpaceonePasswords passwords;

  private SpaceoneUserStore(SpaceoneUsers users, LocalState local, SpaceoneUserCollection collection,
      Clock clock) {
    super(local, RESOURCE_TYPE, collection, clock);
    this.users = users;
    this.collection = collection;
    this.passwords = new SpaceonePasswords(users);
  }

  static SpaceoneUserStore of(SpaceoneUsers users, LocalState local, SpaceoneUserCollection.GroupsOf groupsOf,
      SpaceoneRoles roles, int pageSize, Clock clock) {
    SpaceoneQueryTranslator translator = SpaceoneQueryTranslator.users(
        externalId -> local.idsWhere(RESOURCE_TYPE, "externalId", externalId));
    return new SpaceoneUserStore(users, local,
        new SpaceoneUserCollection(users, groupsOf, roles, translator, pageSize), clock);
  }

  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    ObjectNode scim = attributes.deepCopy();
    JsonNode password = scim.remove("password");
    ObjectNode fields = SpaceoneUserFields.forCreate(scim);
    String userId = fields.get("user_id").asText();
    if (!fields.path("user_type").asText().equals("API_USER")) {
      fields.put("password", password == null || password.isNull() ? passwords.unusable() : password.asText());
    }
    ObjectNode user = UnconfirmedCreates.createOnce(() -> users.create(fields), () -> byUserId(userId),
        CREATE_ATTEMPTS, "SpaceONE already has a user with the userName (user_id) " + userId + ".");
    if (!scim.path("active").asBoolean(true)) {
      user = users.setEnabled(userId, false);
    }
    LocalRecord kept = keep(SpaceoneUserView.id(user), SpaceoneUserView.kept(scim, user));
    return view(collection.related(List.of(user), answered()).get(0), Optional.of(kept), answered());
  }

  /** The user whose user_id is this one, whatever its case (SCIM's userName ignores case). */
  private Optional<ObjectNode> byUserId(String userId) throws ScimException {
    ObjectNode query = JsonNodeFactory.instance.objectNode();
    query.putArray("filter").addObject().put("k", "user_id")
        .put("v", "^" + CaseInsensitiveRegex.literal(userId) + "$").put("o", "regex");
    return users.list(query).users().stream().findFirst();
  }

  @Override
  protected ObjectNode write(Current current, ObjectNode scim) throws ScimException {
    ObjectNode user = current.record();
    String userId = user.path("user_id").asText();
    JsonNode password = scim.remove("password");
    requireUnique(userId, scim.path("userName").asText(""));
    ObjectNode fields = SpaceoneUserFields.changed(user, scim);
    if (password != null && !password.isNull()) {
      SpaceonePasswords.requireLocal(user);
      user = passwords.update(userId, fields, password);
    } else if (!fields.isEmpty()) {
      user = users.update(userId, fields);
    }
    boolean active = scim.path("active").asBoolean(true);
    if (active != user.path("state").asText().equals("ENABLED")) {
      user = users.setEnabled(userId, active);
    }
    return SpaceoneUserView.kept(scim, user);
  }

  /** A userName another user has is 409, before the 400 any rename is in SpaceONE. */
  private void requireUnique(String userId, String userName) throws ScimException {
    if (!userName.equalsIgnoreCase(userId) && !userName.isBlank() && byUserId(userName.strip()).isPresent()) {
      throw ResourceConflictException.uniqueness("Another user has the userName " + userName + ".");
    }
  }

  @Override
  protected StoredResource view(ObjectNode record, Optional<LocalRecord> held, NeededAttributes needed) {
    ObjectNode user = record.deepCopy();
    JsonNode groups = user.remove(SpaceoneUserCollection.GROUPS);
    JsonNode roles = user.remove(SpaceoneUserCollection.ROLES);
    return SpaceoneUserView.of(user, held, groups instanceof ArrayNode array ? array : null,
        roles instanceof ArrayNode array ? array : null);
  }

  /** User groups and role bindings are collections of their own: a call each for a page. */
  @Override
  protected Set<String> returnedOnRequest() {
    return Set.of("groups", "roles");
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == PasswordManagement.class ? Optional.of(type.cast(passwords)) : Optional.empty();
  }
}
