package io.scimgateway.emulator.zidentity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The /users routes: list, create, read, full replace ({@code PUT}), delete, a user's groups, admin and service
 * entitlements, and the password actions. Callers hold the tenant's lock.
 */
final class ZidUsersApi {

  private static final List<String> STRING_FIELDS =
      List.of("loginName", "displayName", "firstName", "lastName", "primaryEmail", "secondaryEmail");
  /** Returned as {} when the user has none. */
  private static final List<String> OBJECT_FIELDS = List.of("department", "idp", "customAttrsInfo");
  /** Set by the server: a client's values are ignored, and a PUT keeps them. */
  private static final List<String> SERVER_FIELDS = List.of("id", "source", "skipMfaUntil");

  private final ZidTenant tenant;
  private final ZidSettings settings;
  private final ObjectMapper json;

  ZidUsersApi(ZidTenant tenant, ZidSettings settings, ObjectMapper json) {
    this.tenant = tenant;
    this.settings = settings;
    this.json = json;
  }

  /** Path segments start at "users". */
  EmulatorResponse handle(ZidRequest request) {
    List<String> path = withActionSegment(request.path());
    if (path.size() == 1) {
      return switch (request.method()) {
        case "GET" -> EmulatorResponse.ok(ZidPage.of(request)
            .envelope(ZidTenant.listed(tenant.users.values(), "displayName", ZidFilters.users(request)), request));
        case "POST" -> create(request);
        default -> throw request.noRoute();
      };
    }
    ObjectNode user = tenant.requireUser(path.get(1));
    String id = path.get(1);
    ZidPasswordAction.Kind action = path.size() == 3 ? ZidPasswordAction.Kind.ofVerb(path.get(2)) : null;
    if (action != null && action.method().equals(request.method())) {
      return ZidPasswordActions.answer(tenant, user, action, request);
    }
    return switch (request.method() + " " + String.join("/", path.subList(2, path.size()))) {
      case "GET " -> EmulatorResponse.ok(user.deepCopy());
      case "PUT " -> replace(user, request);
      case "DELETE " -> {
        tenant.deleteUser(id);
        yield EmulatorResponse.noContent();
      }
      case "GET groups" -> EmulatorResponse.ok(ZidPage.of(request).envelope(ZidTenant.listed(
          tenant.groupIdsOf(id).stream().map(tenant.groups::get).toList(), "name", group -> true), request));
      case "GET admin-entitlements" ->
          EmulatorResponse.ok(json.valueToTree(tenant.entitlements.admin(tenant.principalsOf(id))));
      case "GET service-entitlements" ->
          EmulatorResponse.ok(json.valueToTree(tenant.entitlements.services(tenant.principalsOf(id))));
      default -> throw request.noRoute();
    };
  }

  /** {@code [users, abc:verb]} (the documented colon form) becomes {@code [users, abc, verb]}, the slash form. */
  private static List<String> withActionSegment(List<String> path) {
    int colon = path.size() == 2 ? path.get(1).indexOf(':') : -1;
    if (colon < 0) {
      return path;
    }
    return List.of(path.get(0), path.get(1).substring(0, colon), path.get(1).substring(colon + 1));
  }

  private EmulatorResponse create(ZidRequest request) {
    ObjectNode user = accept(request.objectBody(), null);
    String id = tenant.newId();
    user.put("id", id);
    user.put("source", "API"); // a POST always yielded "API", whatever the body said
    tenant.users.put(id, user);
    return switch (settings.createAnswer()) {
      case CREATED -> new EmulatorResponse(201, user.deepCopy());
      case ACCEPTED -> new EmulatorResponse(202, user.deepCopy());
      case ACCEPTED_EMPTY -> new EmulatorResponse(202, null);
    };
  }

  /** Full replace: fields the body leaves out are gone (status back to its default, true), server fields stay. */
  private EmulatorResponse replace(ObjectNode user, ZidRequest request) {
    String id = user.get("id").asText();
    ObjectNode replaced = accept(request.objectBody(), id);
    SERVER_FIELDS.stream().filter(user::has).forEach(field -> replaced.set(field, user.get(field)));
    tenant.users.put(id, replaced);
    return EmulatorResponse.ok(replaced.deepCopy());
  }

  /** A checked copy of a create or replace body, without server fields and nulls, with the defaults filled in. */
  private ObjectNode accept(ObjectNode body, String exceptId) {
    STRING_FIELDS.forEach(field -> ZidFields.optionalString(body, field));
    OBJECT_FIELDS.forEach(field -> ZidFields.optionalObject(body, field));
    String loginName = ZidFields.requiredString(body, "loginName");
    boolean status = ZidFields.optionalBoolean(body, "status", true);
    for (ObjectNode other : tenant.users.values()) {
      if (other.get("loginName").asText().equalsIgnoreCase(loginName) && !other.get("id").asText().equals(exceptId)) {
        throw ZidError.conflict("A user with loginName " + loginName + " already exists.");
      }
    }
    ObjectNode user = body.deepCopy();
    List<String> dropped = new ArrayList<>(SERVER_FIELDS);
    user.fields().forEachRemaining(field -> {
      if (field.getValue().isNull()) {
        dropped.add(field.getKey());
      }
    });
    user.remove(dropped);
    OBJECT_FIELDS.stream().filter(field -> !user.has(field)).forEach(user::putObject);
    user.put("status", status);
    return user;
  }
}
