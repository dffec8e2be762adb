package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.KeyedLocks;
import io.scimgateway.kit.UnconfirmedCreates;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.PageWindow;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.sqlite.LocalRecord;
import io.scimgateway.sqlite.LocalState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SCIM Users on SpaceONE's identity v1 users, found by {@code user_id} (the userName, which
 * SpaceONE cannot rename) and identified by it with their creation time ({@link SpaceoneUserIds}). SpaceONE holds the fields of {@link SpaceoneUserFields} and the state
 * ({@code active}, through {@code enable}/{@code disable}); local state holds the rest. A page of
 * users costs one list call, plus one for their groups and one for their roles. Thread-safe.
 */
final class SpaceoneUserStore implements ResourceStore {

  static final String RESOURCE_TYPE = "User";
  /** Creates sent at most, when answers are lost on the way. */
  private static final int CREATE_ATTEMPTS = 3;

  /** The groups of a page of users, by user id, as SCIM {@code groups} values (direct and indirect). */
  @FunctionalInterface
  interface GroupsOf {
    Map<String, ArrayNode> of(Collection<String> userIds) throws ScimException;
  }

  private final SpaceoneUsers users;
  private final LocalState local;
  private final GroupsOf groupsOf;
  private final SpaceoneRoles roles;
  private final SpaceonePasswords passwords;
  private final SpaceoneQueryTranslator translator;
  private final int pageSize;
  private final Clock clock;
  private final KeyedLocks locks = new KeyedLocks();

  SpaceoneUserStore(SpaceoneUsers users, LocalState local, GroupsOf groupsOf, SpaceoneRoles roles,
      int pageSize, Clock clock) {
    this.users = users;
    this.local = local;
    this.groupsOf = groupsOf;
    this.roles = roles;
    this.passwords = new SpaceonePasswords(users);
    this.translator = SpaceoneQueryTranslator.users(
        externalId -> local.idsWhere(RESOURCE_TYPE, "externalId", externalId));
    this.pageSize = pageSize;
    this.clock = clock;
  }

  @Override
  public Optional<StoredResource> get(String id) throws ScimException {
    Optional<ObjectNode> user = fetch(id);
    return user.isEmpty() ? Optional.empty() : Optional.of(views(List.of(user.get())).get(0));
  }

  /** The SpaceONE user a SCIM id names: its user_id, made at the time the id says. */
  private Optional<ObjectNode> fetch(String id) throws ScimException {
    Optional<SpaceoneUserIds.Key> key = SpaceoneUserIds.parse(id);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return users.get(key.get().userId()).filter(user -> SpaceoneUserIds.names(key.get(),
        user.path("user_id").asText(), user.path("created_at").asText()));
  }

  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    ObjectNode scim = attributes.deepCopy();
    JsonNode password = scim.remove("password");
    ObjectNode fields = SpaceoneUserFields.forCreate(scim);
    String userId = fields.get("user_id").asText();
    boolean apiUser = fields.path("user_type").asText().equals("API_USER");
    if (!apiUser) {
      fields.put("password", password == null || password.isNull() ? passwords.unusable() : password.asText());
    }
    ObjectNode user = UnconfirmedCreates.createOnce(() -> users.create(fields), () -> byUserId(userId),
        CREATE_ATTEMPTS, "SpaceONE already has a user with the userName (user_id) " + userId + ".");
    if (!scim.path("active").asBoolean(true)) {
      user = users.setEnabled(userId, false);
    }
    String id = SpaceoneUserView.id(user);
    local.put(RESOURCE_TYPE, id, SpaceoneUserView.kept(scim, user), clock.instant());
    return views(List.of(user)).get(0);
  }

  /** The user whose user_id is this one, whatever its case (SCIM's userName ignores case). */
  private Optional<ObjectNode> byUserId(String userId) throws ScimException {
    ObjectNode query = JsonNodeFactory.instance.objectNode();
    query.putArray("filter").addObject().put("k", "user_id")
        .put("v", "^" + SpaceoneQueryTranslator.escaped(userId) + "$").put("o", "regex");
    return users.list(query).users().stream().findFirst();
  }

  @Override
  public StoredResource replace(ResourceChange change) throws ScimException {
    return locks.with(change.id(), () -> replaceChecked(change));
  }

  private StoredResource replaceChecked(ResourceChange change) throws ScimException {
    String id = change.id();
    ObjectNode user = fetch(id).orElseThrow(() -> notFound(id));
    String userId = user.path("user_id").asText();
    requireVersion(views(List.of(user)).get(0), change.before().version());
    ObjectNode scim = change.after().deepCopy();
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
    local.put(RESOURCE_TYPE, id, SpaceoneUserView.kept(scim, user), clock.instant());
    return views(List.of(user)).get(0);
  }

  /** A userName another user has is 409, before the 400 any rename is in SpaceONE. */
  private void requireUnique(String userId, String userName) throws ScimException {
    if (!userName.equalsIgnoreCase(userId) && !userName.isBlank() && byUserId(userName.strip()).isPresent()) {
      throw ResourceConflictException.uniqueness("Another user has the userName " + userName + ".");
    }
  }

  @Override
  public void delete(String id, String expectedVersion) throws ScimException {
    locks.run(id, () -> {
      ObjectNode user = fetch(id).orElseThrow(() -> notFound(id));
      if (expectedVersion != null) {
        requireVersion(views(List.of(user)).get(0), expectedVersion);
      }
      users.delete(user.path("user_id").asText());
      local.delete(RESOURCE_TYPE, id);
    });
  }

  @Override
  public SearchPage search(SearchQuery query) throws ScimException {
    if (query.window() instanceof PageWindow.Offset offset) {
      SpaceoneUsers.Page page = users.list(translator.query(query.filter(), query.sorting(), offset));
      return new SearchPage(views(page.users()), page.total());
    }
    return keyset(query);
  }

  /**
   * A cursor page in user_id order: the users after (or before) the position, a user_id, so that users
   * created or deleted between pages neither shift nor repeat the others. Past the first page the
   * total is counted in a second call, as the keyset narrows SpaceONE's own count.
   */
  private SearchPage keyset(SearchQuery query) throws ScimException {
    boolean before = query.window() instanceof PageWindow.Before;
    String position = before ? ((PageWindow.Before) query.window()).position()
        : ((PageWindow.After) query.window()).position();
    int limit = query.window().limit();
    SpaceoneUsers.Page page = users.list(translator.keyset(query.filter(), position, before, limit));
    List<ObjectNode> found = new ArrayList<>(page.users().subList(0, Math.min(limit, page.users().size())));
    if (before) {
      Collections.reverse(found);
    }
    long total = position == null ? page.total() : users.list(translator.count(query.filter())).total();
    return new SearchPage(views(found), total,
        found.stream().map(user -> user.path("user_id").asText()).toList());
  }

  @Override
  public boolean supportsPositions() {
    return true;
  }

  /** Users with their local state, groups and roles: one local read, one call each for groups and roles. */
  private List<StoredResource> views(List<ObjectNode> page) throws ScimException {
    List<String> userIds = page.stream().map(user -> user.path("user_id").asText()).toList();
    Map<String, LocalRecord> held = local.getAll(RESOURCE_TYPE,
        page.stream().map(SpaceoneUserView::id).toList());
    Map<String, ArrayNode> groups = groupsOf.of(userIds);
    Map<String, ArrayNode> heldRoles = roles.rolesOf(userIds);
    List<StoredResource> views = new ArrayList<>();
    for (ObjectNode user : page) {
      String userId = user.path("user_id").asText();
      views.add(SpaceoneUserView.of(user, Optional.ofNullable(held.get(SpaceoneUserView.id(user))),
          groups.getOrDefault(userId, JsonNodeFactory.instance.arrayNode()),
          heldRoles.getOrDefault(userId, JsonNodeFactory.instance.arrayNode())));
    }
    return views;
  }

  private void requireVersion(StoredResource current, String expected) throws PreconditionFailedException {
    if (expected != null && !current.version().equals(expected)) {
      throw new PreconditionFailedException("The user changed since it was read; read it again.");
    }
  }

  private static ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("No user has the id " + id + ".");
  }

  @Override
  public FilterSupport filterSupport() {
    return translator;
  }

  @Override
  public int maxPageSize() {
    return pageSize;
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == PasswordManagement.class ? Optional.of(type.cast(passwords)) : Optional.empty();
  }
}
