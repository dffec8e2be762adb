package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.UnconfirmedCreates;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.sqlite.LocalGroupNesting;
import io.scimgateway.sqlite.LocalRecord;
import io.scimgateway.sqlite.LocalState;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM Users on ZIdentity's {@code /users}. ZIdentity holds the login name (userName), names, two
 * emails and status (active); local state holds the rest of what the client wrote. A replace reads
 * the user, lays the SCIM values over it and PUTs it whole, so that what SCIM does not map survives.
 * Passwords are set with {@code :updatepassword} ({@link ZidentityPasswords}). Thread-safe.
 */
final class ZidentityUserStore extends ZidentityListedStore {

  static final String RESOURCE_TYPE = "User";
  /** Creates sent at most, when answers are lost on the way. */
  private static final int CREATE_ATTEMPTS = 3;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ZidentityGroupStore groupStore;
  private final LocalGroupNesting nesting;
  private final ZidentityEntitlements entitlements;
  private final ZidentityPasswords passwords;
  private final Clock clock;

  ZidentityUserStore(ZidentityApi api, LocalState local, ZidentityGroupStore groupStore,
      ZidentityEntitlements entitlements, int pageSize, Clock clock) {
    super(api, local, RESOURCE_TYPE, "/users", ZidentityFilter.users(), pageSize);
    this.groupStore = groupStore;
    this.nesting = new LocalGroupNesting(local, ZidentityGroupStore.RESOURCE_TYPE);
    this.entitlements = entitlements;
    this.passwords = new ZidentityPasswords(api);
    this.clock = clock;
  }

  static String userPath(String id) {
    return "/users/" + ZidentityApi.segment(id);
  }

  @Override
  public StoredResource create(ObjectNode attributes) throws ScimException {
    ObjectNode scim = attributes.deepCopy();
    JsonNode password = scim.remove("password");
    scim.remove("groups");
    ObjectNode body = ZidentityUserFields.laidOver(JSON.objectNode(), scim);
    String loginName = body.get("loginName").asText();
    ObjectNode user = UnconfirmedCreates.createOnce(() -> post(body, loginName),
        () -> byLoginName(loginName), CREATE_ATTEMPTS,
        "ZIdentity already has a user with the login name " + loginName + ".");
    String id = user.path("id").asText();
    if (password != null && !password.isNull()) {
      try {
        passwords.update(id, password.asText(), false);
      } catch (ScimException e) {
        api.undo(path(id)); // the client's retry then starts clean
        throw e;
      }
    }
    LocalRecord record = local.put(RESOURCE_TYPE, id, scim, clock.instant());
    return view(user, Optional.of(record));
  }

  /** POST /users: 201 with the user as observed, 202 as documented, perhaps without a body. */
  private ObjectNode post(ObjectNode body, String loginName) throws ScimException {
    Optional<ObjectNode> answer = api.post("/users", body);
    if (answer.isPresent() && answer.get().hasNonNull("id")) {
      return answer.get();
    }
    return byLoginName(loginName).orElseThrow(() -> new ScimException(502, null, "ZIdentity accepted "
        + "the user " + loginName + " but does not list it yet. Read it with a filter on userName "
        + "before creating it again."));
  }

  /** The user with this login name, whatever its case. */
  private Optional<ObjectNode> byLoginName(String loginName) throws ScimException {
    return api.page("/users", List.of(Map.entry("loginname[like]", loginName)), 0, maxPageSize())
        .records().stream()
        .filter(user -> user.path("loginName").asText().equalsIgnoreCase(loginName))
        .findFirst();
  }

  @Override
  public StoredResource replace(ResourceChange change) throws ScimException {
    return locks.with(change.id(), () -> replaceChecked(change));
  }

  private StoredResource replaceChecked(ResourceChange change) throws ScimException {
    String id = change.id();
    ObjectNode user = api.find(path(id)).orElseThrow(() -> notFound(id));
    requireVersion(view(user, local.get(RESOURCE_TYPE, id)), change.before().version());
    ObjectNode scim = change.after().deepCopy();
    JsonNode password = scim.remove("password");
    scim.remove("groups");
    ObjectNode replaced = ZidentityUserFields.laidOver(user, scim);
    if (!replaced.equals(user)) {
      api.replace(path(id), replaced);
    }
    if (password != null && !password.isNull()) {
      passwords.update(id, password.asText(), false);
    }
    local.put(RESOURCE_TYPE, id, scim, clock.instant());
    return get(id).orElseThrow(() -> notFound(id));
  }

  @Override
  protected StoredResource view(ObjectNode user, Optional<LocalRecord> held) throws ScimException {
    String id = user.path("id").asText();
    ArrayNode groups = JSON.arrayNode();
    for (ObjectNode group : api.all(userPath(id) + "/groups")) {
      groups.addObject().put("value", group.path("id").asText())
          .put("display", group.path("name").asText()).put("type", "direct");
    }
    Set<String> indirect = nesting.ancestorsOf(groups.findValuesAsText("value"));
    groupStore.existing(indirect).forEach((groupId, name) -> groups.addObject()
        .put("value", groupId).put("display", name).put("type", "indirect"));
    return ZidentityUserView.of(user, held, new ZidentityUserView.Related(groups,
        ZidentityEntitlements.attribute(entitlements.services(id)),
        ZidentityEntitlements.attribute(entitlements.roles(id))));
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == PasswordManagement.class ? Optional.of(type.cast(passwords)) : Optional.empty();
  }
}
