package io.scimgateway.emulator.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The /groups routes: list, create (201), read, full replace, delete, and user membership: list members (with the
 * user filters), add many ({@code POST [{"id"}]}), replace all ({@code PUT [{"id"}]}), add one, remove one. Dynamic
 * groups refuse membership edits. Callers hold the tenant's lock.
 */
final class ZidGroupsApi {

  private final ZidTenant tenant;

  ZidGroupsApi(ZidTenant tenant) {
    this.tenant = tenant;
  }

  /** Path segments start at "groups". */
  EmulatorResponse handle(ZidRequest request) {
    List<String> path = request.path();
    if (path.size() == 1) {
      return switch (request.method()) {
        case "GET" -> EmulatorResponse.ok(ZidPage.of(request)
            .envelope(ZidTenant.listed(tenant.groups.values(), "name", ZidFilters.groups(request)), request));
        case "POST" -> {
          ObjectNode group = accept(request.objectBody(), tenant.newId(), "API");
          tenant.groups.put(group.get("id").asText(), group);
          yield EmulatorResponse.created(group.deepCopy());
        }
        default -> throw request.noRoute();
      };
    }
    ObjectNode group = tenant.requireGroup(path.get(1));
    String id = path.get(1);
    boolean oneMember = path.size() == 4 && path.get(2).equals("users");
    String below = oneMember ? "users/{userId}" : String.join("/", path.subList(2, path.size()));
    return switch (request.method() + " " + below) {
      case "GET " -> EmulatorResponse.ok(group.deepCopy());
      case "PUT " -> {
        ObjectNode replaced = accept(request.objectBody(), id, group.get("source").asText());
        tenant.groups.put(id, replaced);
        yield EmulatorResponse.ok(replaced.deepCopy());
      }
      case "DELETE " -> {
        tenant.deleteGroup(id);
        yield EmulatorResponse.noContent();
      }
      case "GET users" -> EmulatorResponse.ok(ZidPage.of(request).envelope(ZidTenant.listed(
          tenant.members(id).stream().map(tenant.users::get).toList(), "displayName", ZidFilters.users(request)),
          request));
      case "POST users" -> editMembers(group, () -> tenant.members(id).addAll(userIds(request.arrayBody())));
      case "PUT users" -> editMembers(group, () -> {
        Set<String> userIds = userIds(request.arrayBody());
        tenant.members(id).clear();
        tenant.members(id).addAll(userIds);
      });
      case "POST users/{userId}" -> editMembers(group, () -> tenant.members(id).add(requireUserId(path.get(3))));
      case "DELETE users/{userId}" -> {
        editMembers(group, () -> {
          if (!tenant.members(id).remove(path.get(3))) {
            throw ZidError.notFound("Member " + path.get(3) + " of group " + id);
          }
        });
        yield EmulatorResponse.noContent();
      }
      default -> throw request.noRoute();
    };
  }

  /** Membership edits answer 200 with no body (the reference gives none). */
  private static EmulatorResponse editMembers(ObjectNode group, Runnable edit) {
    if (group.get("dynamicGroup").asBoolean()) {
      throw ZidError.badRequest("The members of a dynamic group follow its rules and cannot be edited.");
    }
    edit.run();
    return EmulatorResponse.ok(null);
  }

  /** The ids of {@code [{"id": "..."}, ...]}, every one an existing user, checked before anything changes. */
  private Set<String> userIds(ArrayNode items) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode item : items) {
      if (!item.isObject()) {
        throw ZidError.badRequest("Members are given as objects {\"id\": \"...\"}.");
      }
      ids.add(requireUserId(ZidFields.requiredString((ObjectNode) item, "id")));
    }
    return ids;
  }

  private String requireUserId(String id) {
    tenant.requireUser(id);
    return id;
  }

  /** The group a create or replace body describes; {@code isDynamicGroup} is read as {@code dynamicGroup}. */
  private ObjectNode accept(ObjectNode body, String id, String source) {
    String name = ZidFields.requiredString(body, "name");
    String description = ZidFields.optionalString(body, "description");
    ObjectNode idp = ZidFields.optionalObject(body, "idp");
    boolean dynamic = ZidFields.optionalBoolean(body, "dynamicGroup",
        ZidFields.optionalBoolean(body, "isDynamicGroup", false));
    for (ObjectNode other : tenant.groups.values()) {
      if (other.get("name").asText().equalsIgnoreCase(name) && !other.get("id").asText().equals(id)) {
        throw ZidError.conflict("A group named " + name + " already exists.");
      }
    }
    ObjectNode group = JsonNodeFactory.instance.objectNode();
    group.put("name", name);
    if (description != null) {
      group.put("description", description);
    }
    group.put("id", id);
    group.put("source", source); // the server's: a POST with "SCIM" still came back "API"
    group.put("adminEntitlementEnabled", ZidFields.optionalBoolean(body, "adminEntitlementEnabled", false));
    group.put("serviceEntitlementEnabled", ZidFields.optionalBoolean(body, "serviceEntitlementEnabled", false));
    group.put("dynamicGroup", dynamic);
    if (idp != null) {
      group.set("idp", idp.deepCopy());
    }
    return group;
  }
}
