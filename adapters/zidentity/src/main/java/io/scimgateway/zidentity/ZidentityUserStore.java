package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.UnconfirmedCreates;
import io.scimgateway.kit.remote.RemoteStore;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.kit.local.LocalRecord;
import io.scimgateway.kit.local.LocalState;
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
final class ZidentityUserStore extends RemoteStore {

  static final String RESOURCE_TYPE = "User";
  /** Creates sent at most, when answers are lost on the way. */
  private static final int CREATE_ATTEMPTS = 3;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ZidentityApi api;
  private final ZidentityGroupStore groupStore;
  private final ZidentityEntitlements entitlements;
  private final ZidentityPasswords passwords;

  ZidentityUserStore(ZidentityApi api, LocalState local, ZidentityGroupStore groupStore,
      ZidentityEntitlements entitlements, int pageSize, Clock clock) {
    super(local, RESOURCE_TYPE, new ZidentityListing(api, "/users", ZidentityFilter.users(), pageSize),
        clock);
    this.api = api;
    this.groupStore = groupStore;
    this.entitlements = entitlements;
    this.passwords = new ZidentityPasswords(api);
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
    requireFreeUserName(null, scim);
    ObjectNode user = UnconfirmedCreates.createOnce(() -> post(body, loginName),
        () -> byLoginName(loginName), CREATE_ATTEMPTS,
        "ZIdentity already has a user with the login name " + loginName + ".");
    String id = user.path("id").asText();
    if (password != null && !password.isNull()) {
      try {
        passwords.update(id, password.asText(), false);
      } catch (ScimException e) {
        api.undo(userPath(id)); // the client's retry then starts clean
        throw e;
      }
    }
    return view(user, Optional.of(keep(id, scim)), answered());
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
  protected ObjectNode write(Current current, ObjectNode scim) throws ScimException {
    ObjectNode user = current.record();
    String id = idOf(user);
    JsonNode password = scim.remove("password");
    scim.remove("groups");
    ObjectNode replaced = ZidentityUserFields.laidOver(user, scim);
    if (!replaced.equals(user)) {
      api.replace(userPath(id), replaced);
    }
    if (password != null && !password.isNull()) {
      passwords.update(id, password.asText(), false);
    }
    return scim;
  }

  @Override
  protected StoredResource view(ObjectNode user, Optional<LocalRecord> held, NeededAttributes needed)
      throws ScimException {
    String id = user.path("id").asText();
    ArrayNode groups = needed.includes("groups") ? JSON.arrayNode() : null;
    if (groups != null) {
      for (ObjectNode group : api.all(userPath(id) + "/groups")) {
        groups.addObject().put("value", group.path("id").asText())
            .put("display", group.path("name").asText()).put("type", "direct");
      }
      groupStore.withIndirect(groups);
    }
    return ZidentityUserView.of(user, held, new ZidentityUserView.Related(groups,
        needed.includes("entitlements") ? ZidentityEntitlements.attribute(entitlements.services(id))
            : null,
        needed.includes("roles") ? ZidentityEntitlements.attribute(entitlements.roles(id)) : null));
  }

  /** ZIdentity reads a user's groups, service entitlements and admin entitlements a call each. */
  @Override
  protected Set<String> returnedOnRequest() {
    return Set.of("groups", "entitlements", "roles");
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == PasswordManagement.class ? Optional.of(type.cast(passwords)) : Optional.empty();
  }
}
